namespace CallCenter.Core.Reports;

/// <summary>A stretch of one agent's time in one state, in epoch milliseconds; <see cref="EndMs"/> null: still in it.</summary>
internal sealed record AgentStateSegment
{
    public Guid UserId { get; init; }
    public string State { get; init; } = "";
    public long StartMs { get; init; }
    public long? EndMs { get; init; }
}
