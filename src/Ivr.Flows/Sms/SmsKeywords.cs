namespace Ivr.Flows.Sms;

/// <summary>
/// Twilio's Advanced Opt-Out keywords. Only a message that is exactly one keyword counts (case-insensitive, spaces
/// around it ignored): "STOP" opts out, "STOP 12345" or "please stop" does not, so a patient's sentence never
/// withdraws consent by accident.
/// </summary>
public static class SmsKeywords
{
    public static IReadOnlySet<string> OptOut { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
    };

    public static IReadOnlySet<string> OptIn { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "START", "YES", "UNSTOP" };

    public static IReadOnlySet<string> Help { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "HELP", "INFO" };

    public static SmsKeyword Classify(string? body, out string keyword)
    {
        keyword = (body ?? string.Empty).Trim().ToUpperInvariant();
        return OptOut.Contains(keyword) ? SmsKeyword.OptOut
            : OptIn.Contains(keyword) ? SmsKeyword.OptIn
            : Help.Contains(keyword) ? SmsKeyword.Help
            : SmsKeyword.None;
    }
}
