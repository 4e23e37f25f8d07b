using System.Data.Common;
using CallCenter.Core.Agents;
using CallCenter.Core.Data;
using CallCenter.Core.Wallboard;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Routing;

/// <summary>
/// The transaction every end of a ringing offer shares (and the agent's move an accept shares too): the offer ends
/// only if it still rings, so of an accept racing a ring-out, or two hubs expiring the same offer, exactly one ends it.
/// </summary>
internal sealed class OfferEnder(
    IDbConnectionFactory db,
    AgentStatusRepository statuses,
    OfferEvents events,
    IWallboardSignal wallboard,
    IOptions<AgentStateOptions> agentOptions,
    TimeProvider time,
    ILogger<OfferEnder> logger)
{
    /// <summary>
    /// Ends a ringing offer (false when it no longer rang), puts its work back in line in its old place when
    /// <paramref name="returnWork"/>, and raises the event on the agent for a call offer: one transaction. Work put
    /// back in line appends its queue event (offer-declined, ring-no-answer, offer-withdrawn); work not put back (the
    /// caller left) appends nothing here: the end of its queue entry records the abandon.
    /// </summary>
    public async Task<bool> EndAsync(Offer offer, OfferStatus status, string reason, AgentEventKind agentEvent, bool returnWork, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (!await OfferRepository.EndRingingAsync(connection, tx, offer.Id, status, reason, now, cancellationToken))
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        if (returnWork)
        {
            await WorkRows.ReturnAsync(connection, tx, offer, cancellationToken);
            await events.ReturnedAsync(connection, tx, offer, status, now, cancellationToken);
        }

        if (IsVoice(offer))
        {
            await MoveAgentAsync(connection, tx, offer.AgentId, agentEvent, now, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        wallboard.Changed();
        return true;
    }

    /// <summary>
    /// Applies the event through the one state machine, in the caller's transaction. False when the machine
    /// refuses it (logged: the agent was moved in a way the offer did not expect) or the agent keeps changing.
    /// </summary>
    public async Task<bool> MoveAgentAsync(DbConnection connection, DbTransaction tx, Guid agentId, AgentEventKind kind, DateTime now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await AgentStatusRepository.GetAsync(connection, tx, agentId, cancellationToken);
            if (current is null)
            {
                return false;
            }

            var source = kind is AgentEventKind.OfferAccepted or AgentEventKind.OfferDeclined ? AgentEventSource.Agent : AgentEventSource.System;
            var transition = AgentTransitions.Apply(current, AgentEvent.Of(kind), source, now, agentOptions.Value.MaxMissedOffers);
            if (transition.Next is not { } next)
            {
                logger.LogWarning("Routing: agent {AgentId} refused {Event}: {Reason}", agentId, kind, transition.RefusedReason);
                return false;
            }

            if (await statuses.TransitionAsync(connection, tx, current, next, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A call or callback: the offers that hold the agent's voice state (a conversation does not).</summary>
    public static bool IsVoice(Offer offer) => offer.Kind is WorkKind.Call or WorkKind.Callback;
}
