using CallCenter.Core.Accounts;

namespace CallCenter.Api.Desk.Voice;

/// <summary>How an agent's phone is reached: a Twilio client identity, a phone number or a SIP address.</summary>
internal sealed record AgentEndpoint(string Kind, string Address)
{
    public const string Client = "client";
    public const string Number = "number";
    public const string Sip = "sip";
}

/// <summary>
/// Where to dial an agent. The routing issue keeps it in the agent's profile (endpoint_kind, endpoint); until that
/// is wired here, every agent is a client named by their user name.
/// </summary>
internal interface IAgentEndpoints
{
    /// <summary>Null when there is no such agent.</summary>
    Task<AgentEndpoint?> FindAsync(Guid agentId, CancellationToken cancellationToken = default);
}

internal sealed class UserNameAgentEndpoints(IUserRepository users) : IAgentEndpoints
{
    public async Task<AgentEndpoint?> FindAsync(Guid agentId, CancellationToken cancellationToken = default) =>
        await users.FindByIdAsync(agentId, cancellationToken) is { } user ? new AgentEndpoint(AgentEndpoint.Client, user.UserName) : null;
}
