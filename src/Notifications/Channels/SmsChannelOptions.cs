using System.ComponentModel.DataAnnotations;

namespace Notifications.Channels;

/// <summary>
/// The outbox's SMS sender (section <c>Notifications:Sms</c>): a Messaging Service SID or a from-number (one is
/// needed to send), the status callback (relative to <c>Twilio:PublicBaseUrl</c>), and the send rate per sender.
/// </summary>
public sealed class SmsChannelOptions : IValidatableObject
{
    public const string SectionName = "Notifications:Sms";

    /// <summary>E.164 number messages go out from, when no <see cref="MessagingServiceSid"/> is set.</summary>
    public string? From { get; set; }

    /// <summary>Twilio Messaging Service (MG + 32 hex); takes precedence over <see cref="From"/>.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>Where the carrier reports delivery; the hub's SMS status webhook. Empty: the carrier reports nothing (a load test of sending alone).</summary>
    public string StatusCallback { get; set; } = "/twilio/sms/status";

    /// <summary>Messages per second per sender (Twilio: 1 for a long code, more for short codes and services).</summary>
    [Range(0.01, 100_000)]
    public double MessagesPerSecond { get; set; } = 10;

    /// <summary>How many may go at once after a quiet spell.</summary>
    [Range(1, 100_000)]
    public int Burst { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MessagingServiceSid is { Length: > 0 } sid && !(sid.Length == 34 && sid.StartsWith("MG", StringComparison.Ordinal)))
        {
            yield return new ValidationResult("Notifications:Sms:MessagingServiceSid must be MG followed by 32 hex digits", [nameof(MessagingServiceSid)]);
        }

        if (From is { Length: > 0 } from && !(from.StartsWith('+') && from.Length is >= 8 and <= 16 && from[1..].All(char.IsAsciiDigit)))
        {
            yield return new ValidationResult("Notifications:Sms:From must be an E.164 number (+ and 7 to 15 digits)", [nameof(From)]);
        }
    }
}
