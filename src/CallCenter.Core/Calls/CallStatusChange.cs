using CallCenter.Core.Interactions;

namespace CallCenter.Core.Calls;

/// <summary>A status event to apply to a call (<see cref="CallEvent.CallId"/>).</summary>
public sealed record CallStatusChange
{
    public required CallEvent Event { get; init; }
    public required int StatusRank { get; init; }
    public string? IdempotencyToken { get; init; }
    public DateTime? AnsweredAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public int? DurationSeconds { get; init; }
}
