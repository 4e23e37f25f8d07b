namespace CallCenter.Core.Agents;

/// <summary>The result of asking the service for a transition; <see cref="Status"/> is the stored status after it.</summary>
public sealed record AgentChangeResult(AgentChangeOutcome Outcome, AgentStatus? Status, string? Reason = null);
