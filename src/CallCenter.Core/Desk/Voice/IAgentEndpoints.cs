
namespace CallCenter.Core.Desk.Voice;

/// <summary>Where to dial an agent: their profile's endpoint, else a client named by their user name.</summary>
public interface IAgentEndpoints
{
    /// <summary>Null when there is no such agent.</summary>
    Task<AgentEndpoint?> FindAsync(Guid agentId, CancellationToken cancellationToken = default);
}
