namespace CallCenter.Core.Messaging;

/// <summary>A message status callback.</summary>
public sealed record MessageStatusUpdate
{
    public required string MessageSid { get; init; }
    public required string AccountSid { get; init; }
    public required MessageState State { get; init; }
    public int? ErrorCode { get; init; }

    /// <summary>The same on every retry of one webhook; null when the carrier sent none.</summary>
    public string? IdempotencyToken { get; init; }

    /// <summary>Used only when this callback is the first the hub hears of the message.</summary>
    public string? From { get; init; }

    public string? To { get; init; }
}
