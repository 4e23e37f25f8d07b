namespace CallCenter.Core.Wallboard;

/// <summary>Everything a wallboard shows at one moment: centre tiles, the per-queue table and the agent roster.</summary>
public sealed record WallboardSnapshot
{
    public required DateTime At { get; init; }

    /// <summary>The centre's IANA zone: "today" starts at its local midnight.</summary>
    public required string TimeZone { get; init; }
    public required QueueBoard Centre { get; init; }
    public required IReadOnlyList<QueueBoard> Queues { get; init; }
    public required IReadOnlyList<AgentBoard> Agents { get; init; }
}
