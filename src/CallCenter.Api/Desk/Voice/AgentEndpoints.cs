using CallCenter.Core.Agents;

namespace CallCenter.Api.Desk.Voice;

/// <summary>How an agent's phone is reached: a Twilio client identity, a phone number or a SIP address.</summary>
internal sealed record AgentEndpoint(string Kind, string Address)
{
    public const string Client = "client";
    public const string Number = "number";
    public const string Sip = "sip";
}

/// <summary>Where to dial an agent: their profile's endpoint, else a client named by their user name.</summary>
internal interface IAgentEndpoints
{
    /// <summary>Null when there is no such agent.</summary>
    Task<AgentEndpoint?> FindAsync(Guid agentId, CancellationToken cancellationToken = default);
}

internal sealed class ProfileAgentEndpoints(IAgentProfileRepository profiles) : IAgentEndpoints
{
    public async Task<AgentEndpoint?> FindAsync(Guid agentId, CancellationToken cancellationToken = default) =>
        await profiles.EffectiveAsync(agentId, cancellationToken) is { } profile
            ? new AgentEndpoint(profile.EndpointKind.ToCode(), profile.Endpoint)
            : null;
}
