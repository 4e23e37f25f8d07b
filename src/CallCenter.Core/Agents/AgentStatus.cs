namespace CallCenter.Core.Agents;

/// <summary>
/// An agent's current state as stored. <see cref="Since"/> is when the state was entered (for time in state);
/// <see cref="Version"/> changes on every transition, so two writers cannot both move the agent.
/// </summary>
public sealed record AgentStatus
{
    public required Guid UserId { get; init; }
    public required AgentState State { get; init; }

    /// <summary>Why the agent is on break (their own reason, or <see cref="AgentTransitions.MissedOffersReason"/>).</summary>
    public string? Reason { get; init; }
    public required DateTime Since { get; init; }

    /// <summary>When wrap-up ends by itself; set only in <see cref="AgentState.WrapUp"/>.</summary>
    public DateTime? WrapUpUntil { get; init; }

    /// <summary>Offers that rang out unanswered in a row.</summary>
    public int MissedOffers { get; init; }
    public int Version { get; init; }
    public DateTime UpdatedAt { get; init; }

    public TimeSpan TimeInState(DateTime now) => now > Since ? now - Since : TimeSpan.Zero;

    /// <summary>A newly known agent: offline.</summary>
    public static AgentStatus Initial(Guid userId, DateTime now) => new()
    {
        UserId = userId, State = AgentState.Offline, Since = now, UpdatedAt = now,
    };
}
