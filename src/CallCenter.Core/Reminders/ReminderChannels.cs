namespace CallCenter.Core.Reminders;

/// <summary>How a reminder reaches the patient.</summary>
public static class ReminderChannels
{
    public const string Sms = "sms";
    public const string Voice = "voice";
    public const string Email = "email";

    public static IReadOnlyList<string> All { get; } = [Sms, Voice, Email];
}
