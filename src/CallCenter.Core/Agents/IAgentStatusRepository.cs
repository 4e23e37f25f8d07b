namespace CallCenter.Core.Agents;

/// <summary>Agents' stored states and their history. Every change is conditional, so concurrent writers never both win.</summary>
public interface IAgentStatusRepository
{
    Task<AgentStatus?> GetAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Every known agent's status, for a roster.</summary>
    Task<IReadOnlyList<AgentStatus>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores the status unless the agent already has one; returns the stored status either way.</summary>
    Task<AgentStatus> EnsureAsync(AgentStatus initial, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the agent from <paramref name="expected"/> (its state and version) to <paramref name="target"/> and
    /// records the change, in one transaction. False, with nothing changed, when another writer moved it first.
    /// </summary>
    Task<bool> TransitionAsync(AgentStatus expected, AgentStatus target, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reserves the agent for an offer only if they are available right now, in one statement: of several routers
    /// racing for the same agent exactly one gets true.
    /// </summary>
    Task<bool> TryReserveAsync(Guid userId, DateTime at, CancellationToken cancellationToken = default);

    /// <summary>Agents whose wrap-up ran out at or before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<AgentStatus>> ExpiredWrapUpsAsync(DateTime now, CancellationToken cancellationToken = default);

    /// <summary>The agent's state changes, oldest first.</summary>
    Task<IReadOnlyList<AgentStateChange>> HistoryAsync(Guid userId, CancellationToken cancellationToken = default);
}
