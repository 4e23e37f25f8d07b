using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Api.Desk;

/// <summary>The live desk connections on this process per user, so a sign-out can close them.</summary>
internal sealed class DeskConnections
{
    private readonly Dictionary<Guid, Dictionary<string, HubCallerContext>> _byUser = [];
    private readonly Lock _lock = new();

    public void Add(Guid userId, HubCallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_lock)
        {
            if (!_byUser.TryGetValue(userId, out var connections))
            {
                _byUser[userId] = connections = new Dictionary<string, HubCallerContext>(StringComparer.Ordinal);
            }

            connections[context.ConnectionId] = context;
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
            return _byUser.TryGetValue(userId, out var connections) ? [.. connections.Values] : [];
        }
    }
}
