namespace CallCenter.Core.Messaging;

/// <summary>One status event in a message's history.</summary>
public sealed record MessageEvent
{
    public required Guid Id { get; init; }
    public required Guid MessageId { get; init; }
    public required string Status { get; init; }
    public int? ErrorCode { get; init; }
    public required DateTime ReceivedAt { get; init; }
}
