namespace Notifications.Outbox;

/// <summary>One outbound message as the outbox keeps it. Times are UTC.</summary>
public sealed record Notification
{
    public required Guid Id { get; init; }
    public Guid? PatientId { get; init; }
    public required string Channel { get; init; }
    public required string Purpose { get; init; }
    public string? TemplateKey { get; init; }
    public required string Language { get; init; }
    public string? Subject { get; init; }
    public required string Body { get; init; }
    public required string Recipient { get; init; }
    public string? Correlation { get; init; }
    public bool Urgent { get; init; }
    public required string Status { get; init; }
    public int StatusRank { get; init; }
    public required DateTime DueAt { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public required DateTime NextAttemptAt { get; init; }
    public int Attempts { get; init; }

    /// <summary>The dispatcher's claim while sending; null otherwise.</summary>
    public Guid? ClaimToken { get; init; }

    /// <summary>A previous attempt's outcome is unknown: ask the carrier before sending again.</summary>
    public bool CheckCarrier { get; init; }

    public DateTime? FirstAttemptAt { get; init; }

    /// <summary>The carrier's id (Twilio's MessageSid).</summary>
    public string? CarrierId { get; init; }

    public string? Error { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public DateTime? SentAt { get; init; }
}
