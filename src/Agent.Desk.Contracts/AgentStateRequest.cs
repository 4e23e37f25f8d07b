namespace AgentDesk.Contracts;

/// <summary>A supervisor puts another agent on "break" (with a reason) or "offline".</summary>
public sealed record AgentStateRequest(Guid AgentId, string State, string? Reason = null);
