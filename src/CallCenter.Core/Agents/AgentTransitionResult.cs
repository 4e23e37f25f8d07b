namespace CallCenter.Core.Agents;

/// <summary>What the state machine decided: the next status, or why the event was refused.</summary>
public sealed record AgentTransition(AgentStatus? Next, string? RefusedReason)
{
    public bool IsAllowed => Next is not null;

    public static AgentTransition To(AgentStatus next) => new(next, null);

    public static AgentTransition Refuse(string reason) => new(null, reason);
}
