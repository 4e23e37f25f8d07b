namespace CallCenter.Core.Agents;

/// <summary>What the state machine decided: the next status, or why the event was refused.</summary>
public sealed record AgentTransition(AgentStatus? Next, string? RefusedReason)
{
    public bool IsAllowed => Next is not null;

    public static AgentTransition To(AgentStatus next) => new(next, null);

    public static AgentTransition Refuse(string reason) => new(null, reason);
}

public enum AgentChangeOutcome
{
    Applied,

    /// <summary>The state machine does not allow the event from the agent's current state (or from this source).</summary>
    Refused,

    /// <summary>Another writer moved the agent first; nothing was changed. Read again and retry if still wanted.</summary>
    Conflict,

    /// <summary>No such user.</summary>
    NotFound,
}

/// <summary>The result of asking the service for a transition; <see cref="Status"/> is the stored status after it.</summary>
public sealed record AgentChangeResult(AgentChangeOutcome Outcome, AgentStatus? Status, string? Reason = null);
