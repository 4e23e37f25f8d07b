using CallCenter.Core.Agents;

namespace CallCenter.Core.Desk.Voice;

public sealed class ProfileAgentEndpoints(IAgentProfileRepository profiles) : IAgentEndpoints
{
    public async Task<AgentEndpoint?> FindAsync(Guid agentId, CancellationToken cancellationToken = default) =>
        await profiles.EffectiveAsync(agentId, cancellationToken) is { } profile
            ? new AgentEndpoint(profile.EndpointKind.ToCode(), profile.Endpoint)
            : null;
}
