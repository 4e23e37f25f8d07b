namespace CallCenter.Core.Calls;

/// <summary>A call status callback.</summary>
public sealed record CallStatusUpdate
{
    public required string CallSid { get; init; }
    public required string AccountSid { get; init; }
    public required CallState State { get; init; }

    /// <summary>The callback's order among the call's callbacks; a repeat of one is a redelivery.</summary>
    public int? SequenceNumber { get; init; }

    /// <summary>When the carrier says it happened; the receipt time when absent.</summary>
    public DateTime? Timestamp { get; init; }

    public int? DurationSeconds { get; init; }

    /// <summary>The same on every retry of one webhook; null when the carrier sent none.</summary>
    public string? IdempotencyToken { get; init; }

    /// <summary>Used only when this callback is the first the hub hears of the call.</summary>
    public string? Direction { get; init; }

    public string? From { get; init; }
    public string? To { get; init; }
}
