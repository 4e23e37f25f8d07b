namespace CallCenter.Api.Agents;

/// <summary>A supervisor's change of an agent's state: "break" (reason required) or "offline".</summary>
public sealed record AgentStateChangeRequest(string? State, string? Reason);
