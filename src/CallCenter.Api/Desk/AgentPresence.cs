using CallCenter.Core.Accounts;

namespace CallCenter.Api.Desk;

/// <summary>
/// The agents with a live desk on this process, counting connections per user (an agent may have the desk open on
/// two devices). Routing offers work only to these agents: an agent without a live desk could not see the offer.
/// </summary>
internal sealed class AgentPresence
{
    private readonly Dictionary<Guid, int> _connections = [];
    private readonly Dictionary<Guid, Actor> _actors = [];
    private readonly Lock _lock = new();
    private IReadOnlyCollection<Guid> _snapshot = [];

    /// <summary>The connected agents now; a copy the router may read while agents come and go.</summary>
    public IReadOnlyCollection<Guid> ConnectedAgents => Volatile.Read(ref _snapshot);

    public bool IsConnected(Guid userId)
    {
        lock (_lock)
        {
            return _connections.ContainsKey(userId);
        }
    }

    /// <summary>The connected agent as they signed in (their role decides which patients they see).</summary>
    public Actor? Find(Guid userId)
    {
        lock (_lock)
        {
            return _actors.GetValueOrDefault(userId);
        }
    }

    /// <summary>Counts a new connection; true when it is the agent's first.</summary>
    public bool Connected(Actor agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var userId = agent.UserId;
        lock (_lock)
        {
            _actors[userId] = agent;
            var count = _connections.GetValueOrDefault(userId) + 1;
            _connections[userId] = count;
            Publish();
            return count == 1;
        }
    }

    /// <summary>Counts a closed connection; true when it was the agent's last.</summary>
    public bool Disconnected(Guid userId)
    {
        lock (_lock)
        {
            if (!_connections.TryGetValue(userId, out var count))
            {
                return false;
            }

            if (count > 1)
            {
                _connections[userId] = count - 1;
                return false;
            }

            _connections.Remove(userId);
            _actors.Remove(userId);
            Publish();
            return true;
        }
    }

    private void Publish() => Volatile.Write(ref _snapshot, _connections.Keys.ToArray());
}
