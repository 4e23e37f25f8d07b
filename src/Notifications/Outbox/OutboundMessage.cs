namespace Notifications.Outbox;

/// <summary>
/// A message to enqueue. Give the text (<see cref="Body"/>, and <see cref="Subject"/> for email), or leave it null and
/// give <see cref="Variables"/>: the template for the purpose, channel and language is rendered at enqueue, inside the
/// caller's transaction. Times are UTC.
/// </summary>
public sealed record OutboundMessage
{
    /// <summary>sms, email or voice (<see cref="NotificationChannels"/>).</summary>
    public required string Channel { get; init; }

    /// <summary>appointment-reminder, waitlist-offer, ... (<see cref="NotificationPurposes"/>); consent and quiet hours go by it.</summary>
    public required string Purpose { get; init; }

    /// <summary>E.164 number for sms and voice, an address for email.</summary>
    public required string Recipient { get; init; }

    /// <summary>Null for messages to staff or to a number no patient has.</summary>
    public Guid? PatientId { get; init; }

    /// <summary>zh-CN or en-US.</summary>
    public string Language { get; init; } = "zh-CN";

    public string? Subject { get; init; }

    public string? Body { get; init; }

    /// <summary>The template's holes, when <see cref="Body"/> is null.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Not sent before this time; null: now.</summary>
    public DateTime? DueAt { get; init; }

    /// <summary>Dropped (status expired) if it could not be sent by then: the event it is about has passed.</summary>
    public DateTime? ExpiresAt { get; init; }

    /// <summary>Bypasses the frequency cap (a hospital cancellation); quiet hours and consent still hold.</summary>
    public bool Urgent { get; init; }

    /// <summary>What the message is about (e.g. <c>appointment:{id}</c>), to withdraw or move its pending messages together.</summary>
    public string? Correlation { get; init; }
}
