using CallCenter.Core.Accounts;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Agents;

/// <summary>
/// The one way to change an agent's state: decides with <see cref="AgentTransitions"/>, stores with a version
/// check, so what routing, the desk and the wallboard read is always a state the machine allows.
/// </summary>
public sealed class AgentStateService(
    IAgentStatusRepository statuses, IUserRepository users, IOptions<AgentStateOptions> options, TimeProvider time)
{
    /// <summary>The agent's status; a user never seen before is offline since now (and stored so).</summary>
    public async Task<AgentStatus?> GetAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var status = await statuses.GetAsync(userId, cancellationToken);
        if (status is not null)
        {
            return status;
        }

        if (await users.FindByIdAsync(userId, cancellationToken) is null)
        {
            return null;
        }

        return await statuses.EnsureAsync(AgentStatus.Initial(userId, Now), cancellationToken);
    }

    /// <summary>Every known agent with how long they have been in their state.</summary>
    public async Task<IReadOnlyList<AgentRosterEntry>> RosterAsync(CancellationToken cancellationToken = default)
    {
        var now = Now;
        var all = await statuses.ListAsync(cancellationToken);
        return all.Select(s => new AgentRosterEntry(s, s.TimeInState(now))).ToList();
    }

    /// <summary>
    /// Applies the event to the agent's current state. Refused when the machine does not allow it; Conflict when
    /// another writer changed the agent between the read and the write (nothing is changed then).
    /// </summary>
    public async Task<AgentChangeResult> ApplyAsync(
        Guid userId, AgentEvent agentEvent, AgentEventSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agentEvent);
        var current = await GetAsync(userId, cancellationToken);
        if (current is null)
        {
            return new AgentChangeResult(AgentChangeOutcome.NotFound, null);
        }

        var transition = AgentTransitions.Apply(current, agentEvent, source, Now, options.Value.MaxMissedOffers);
        if (transition.Next is not { } next)
        {
            return new AgentChangeResult(AgentChangeOutcome.Refused, current, transition.RefusedReason);
        }

        if (!await statuses.TransitionAsync(current, next, cancellationToken))
        {
            return new AgentChangeResult(AgentChangeOutcome.Conflict, await statuses.GetAsync(userId, cancellationToken));
        }

        return new AgentChangeResult(AgentChangeOutcome.Applied, next with { Version = current.Version + 1 });
    }

    /// <summary>Reserves an available agent for an offer; false when they are not available (or another router won).</summary>
    public Task<bool> TryReserveAsync(Guid userId, CancellationToken cancellationToken = default) =>
        statuses.TryReserveAsync(userId, Now, cancellationToken);

    /// <summary>
    /// Moves every agent whose wrap-up ran out by <paramref name="now"/> to available; returns the agents moved
    /// (so the desk can push their new state). An agent another writer moved meanwhile (ended wrap-up, went on
    /// break) is left as they are.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ExpireWrapUpsAsync(DateTime now, CancellationToken cancellationToken = default)
    {
        var moved = new List<Guid>();
        foreach (var status in await statuses.ExpiredWrapUpsAsync(now, cancellationToken))
        {
            var transition = AgentTransitions.Apply(
                status, AgentEvent.Of(AgentEventKind.WrapUpExpired), AgentEventSource.System, now, options.Value.MaxMissedOffers);
            if (transition.Next is { } next && await statuses.TransitionAsync(status, next, cancellationToken))
            {
                moved.Add(status.UserId);
            }
        }

        return moved;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
