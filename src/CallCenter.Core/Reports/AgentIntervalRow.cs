namespace CallCenter.Core.Reports;

/// <summary>One agent in one interval (docs/wallboard.md, "Interval reports").</summary>
public sealed record AgentIntervalRow
{
    public required Guid AgentId { get; init; }
    public required string AgentName { get; init; }
    public required DateTimeOffset IntervalStart { get; init; }
    public required DateTimeOffset IntervalEnd { get; init; }

    /// <summary>Calls the agent completed in the interval.</summary>
    public int Handled { get; init; }

    /// <summary>(Talk of those calls + the wrap-up that followed each) ÷ handled.</summary>
    public double? AverageHandleSeconds { get; init; }

    /// <summary>Talk (hold included) of the calls completed in the interval.</summary>
    public double TalkSeconds { get; init; }

    /// <summary>Time in each state within the interval (agent_state_event), cut at the interval's edges.</summary>
    public double WrapUpSeconds { get; init; }
    public double BreakSeconds { get; init; }
    public double AvailableSeconds { get; init; }

    /// <summary>Reserved and busy time within the interval.</summary>
    public double OnCallSeconds { get; init; }

    /// <summary>(on call + wrap-up) ÷ (available + on call + wrap-up) within the interval.</summary>
    public double? OccupancyPercent { get; init; }
}
