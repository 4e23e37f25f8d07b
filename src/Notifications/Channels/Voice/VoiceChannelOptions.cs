using System.ComponentModel.DataAnnotations;

namespace Notifications.Channels.Voice;

/// <summary>
/// The outbox's voice sender (section <c>Notifications:Voice</c>): the number calls come from (else the SMS sender's
/// number), the hub's webhooks the carrier calls (relative to <c>Twilio:PublicBaseUrl</c>), the flow the call plays,
/// machine detection, how long to ring, the call rate, and the retries after no answer or busy.
/// </summary>
public sealed class VoiceChannelOptions : IValidatableObject
{
    public const string SectionName = "Notifications:Voice";

    /// <summary>E.164 number calls come from; when empty, <c>Notifications:Sms:From</c>.</summary>
    public string? From { get; set; }

    /// <summary>The hub's webhook the answered call fetches its TwiML from (the notification id is added to it).</summary>
    public string Url { get; set; } = "/twilio/voice/outbound";

    /// <summary>Where the carrier reports the call's progress (the notification id is added to it).</summary>
    public string StatusCallback { get; set; } = "/twilio/voice/outbound/status";

    /// <summary>The voice flow an answered reminder call plays (its <c>id</c>, from the flows folder).</summary>
    [Required]
    public string FlowId { get; set; } = "visit-reminder-call";

    /// <summary>Ask the carrier to tell a person from an answering machine; a machine hears nothing and the row ends <c>undelivered</c> (machine).</summary>
    public bool MachineDetection { get; set; } = true;

    /// <summary>Seconds the phone rings before the carrier gives up (no-answer).</summary>
    [Range(5, 600)]
    public int RingSeconds { get; set; } = 30;

    /// <summary>Calls per second per caller number (Twilio's default pacing is 1 per second per account).</summary>
    [Range(0.01, 1000)]
    public double CallsPerSecond { get; set; } = 1;

    [Range(1, 1000)]
    public int Burst { get; set; } = 1;

    /// <summary>Calls placed for one row at most: after a no-answer or busy the row is called again until this many were placed.</summary>
    [Range(1, 10)]
    public int MaxCalls { get; set; } = 2;

    /// <summary>How long after a no-answer or busy the row is called again (quiet hours still apply then).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (From is { Length: > 0 } from && !(from.StartsWith('+') && from.Length is >= 8 and <= 16 && from[1..].All(char.IsAsciiDigit)))
        {
            yield return new ValidationResult("Notifications:Voice:From must be an E.164 number (+ and 7 to 15 digits)", [nameof(From)]);
        }
    }
}
