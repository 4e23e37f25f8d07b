namespace CallCenter.Core.Calls;

/// <summary>One status event in a call's history.</summary>
public sealed record CallEvent
{
    public required Guid Id { get; init; }
    public required Guid CallId { get; init; }
    public required string Status { get; init; }
    public int? SequenceNumber { get; init; }
    public required DateTime OccurredAt { get; init; }
    public required DateTime ReceivedAt { get; init; }

    /// <summary>What reported it: <see cref="CallEventSources"/>.</summary>
    public required string Source { get; init; }
}
