namespace CallCenter.Core.Surveys;

/// <summary>How a desk-call survey reaches the caller.</summary>
public static class SurveyChannels
{
    /// <summary>An SMS after the agent wraps the call up (the default).</summary>
    public const string Sms = "sms";

    /// <summary>On the call itself: when the agent hangs up first, the caller answers with the keypad.</summary>
    public const string Keypad = "keypad";

    public static readonly IReadOnlyList<string> All = [Sms, Keypad];
}
