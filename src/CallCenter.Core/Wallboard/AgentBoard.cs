namespace CallCenter.Core.Wallboard;

/// <summary>One agent's line on the wallboard's roster.</summary>
public sealed record AgentBoard
{
    public required Guid AgentId { get; init; }
    public required string DisplayName { get; init; }

    /// <summary>available, reserved, busy, wrap-up, break or offline (AgentStates codes).</summary>
    public required string State { get; init; }

    /// <summary>The break's reason; null otherwise.</summary>
    public string? Reason { get; init; }
    public required DateTime Since { get; init; }
    public int HandledToday { get; init; }

    /// <summary>(busy + reserved + wrap-up) ÷ signed-in time other than breaks, today; null before they sign in.</summary>
    public double? OccupancyPercent { get; init; }
}
