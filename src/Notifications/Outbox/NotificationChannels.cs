namespace Notifications.Outbox;

/// <summary>The channels an outbound message leaves by (the same names as the patient's consent channels).</summary>
public static class NotificationChannels
{
    public const string Sms = "sms";
    public const string Email = "email";
    public const string Voice = "voice";

    public static readonly IReadOnlyList<string> All = [Sms, Email, Voice];
}
