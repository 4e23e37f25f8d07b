using AgentDesk.Contracts;
using CallCenter.Api.Infrastructure;
using CallCenter.Core.Agents.Supervision;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Caching.Memory;

namespace CallCenter.Api.Desk;

/// <summary>
/// Ends a signed-out agent's desk on this process (a supervisor's sign-out, or an admin disabling the account, changing
/// its role or setting its password): forgets the cached account check (their token is refused from the next request),
/// pushes <see cref="IAgentDeskClient.SignedOut"/> to every device, then closes those connections.
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

    /// <summary>Ends one connection whose session ran out or was ended on another process (the sweep).</summary>
    public async Task EndConnectionAsync(DeskConnection connection, string reason, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ActiveAccountMiddleware.Forget(cache, connection.UserId);
        await hub.Clients.Client(connection.Context.ConnectionId).SignedOut(new DeskSignedOut(reason, DateTime.SpecifyKind(at, DateTimeKind.Utc)));
        connection.Context.Abort();
        LogSwept(connection.UserId, reason);
    }

    [LoggerMessage(LogLevel.Information, "Desk of {AgentId} ended (signed out or account changed): {Connections} desk connections closed")]
    private partial void LogEnded(Guid agentId, int connections);

    [LoggerMessage(LogLevel.Information, "Desk connection of {AgentId} closed by the session sweep: {Reason}")]
    private partial void LogSwept(Guid agentId, string reason);
}
