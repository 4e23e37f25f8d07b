using CallCenter.Core.Agents;

namespace CallCenter.Api.Agents;

/// <summary>The agent's state after a supervisor's action.</summary>
public sealed record AgentStateResponse(Guid UserId, AgentState State, string? Reason, DateTime Since)
{
    internal static AgentStateResponse From(AgentStatus status) => new(status.UserId, status.State, status.Reason, status.Since);
}
