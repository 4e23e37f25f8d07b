using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Api.Desk;

/// <summary>The live desk connections on this process per user, so a sign-out or the session sweep can close them.</summary>
internal sealed class DeskConnections
{
    private readonly Dictionary<Guid, Dictionary<string, DeskConnection>> _byUser = [];
    private readonly Lock _lock = new();

    public void Add(DeskConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (_lock)
        {
            if (!_byUser.TryGetValue(connection.UserId, out var connections))
            {
                _byUser[connection.UserId] = connections = new Dictionary<string, DeskConnection>(StringComparer.Ordinal);
            }

            connections[connection.Context.ConnectionId] = connection;
        }
    }

    public void Remove(Guid userId, string connectionId)
    {
        lock (_lock)
        {
            if (_byUser.TryGetValue(userId, out var connections) && connections.Remove(connectionId) && connections.Count == 0)
            {
                _byUser.Remove(userId);
            }
        }
    }

    public IReadOnlyList<HubCallerContext> Of(Guid userId)
    {
        lock (_lock)
        {
            return _byUser.TryGetValue(userId, out var connections) ? [.. connections.Values.Select(c => c.Context)] : [];
        }
    }

    /// <summary>Every live connection now; a copy.</summary>
    public IReadOnlyList<DeskConnection> All()
    {
        lock (_lock)
        {
            return [.. _byUser.Values.SelectMany(c => c.Values)];
        }
    }
}
