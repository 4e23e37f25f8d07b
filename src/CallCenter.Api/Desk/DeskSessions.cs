using AgentDesk.Contracts;
using CallCenter.Api.Infrastructure;
using CallCenter.Core.Agents.Supervision;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Caching.Memory;

namespace CallCenter.Api.Desk;

/// <summary>
/// Ends a signed-out agent's desk on this process: forgets the cached account check (their token is refused from the
/// next request), pushes <see cref="IAgentDeskClient.SignedOut"/> to every device, then closes those connections.
/// </summary>
internal sealed partial class DeskSessions(
    IHubContext<AgentDeskHub, IAgentDeskClient> hub,
    DeskConnections connections,
    IMemoryCache cache,
    ILogger<DeskSessions> logger) : IDeskSessions
{
    public async Task EndAsync(Guid agentId, string signedOutBy, DateTime at, CancellationToken cancellationToken = default)
    {
        ActiveAccountMiddleware.Forget(cache, agentId);
        await hub.Clients.User(agentId.ToString()).SignedOut(new DeskSignedOut(signedOutBy, DateTime.SpecifyKind(at, DateTimeKind.Utc)));
        var open = connections.Of(agentId);
        foreach (var connection in open)
        {
            connection.Abort();
        }

        LogEnded(agentId, open.Count);
    }

    [LoggerMessage(LogLevel.Information, "Agent {AgentId} signed out by a supervisor: {Connections} desk connections closed")]
    private partial void LogEnded(Guid agentId, int connections);
}
