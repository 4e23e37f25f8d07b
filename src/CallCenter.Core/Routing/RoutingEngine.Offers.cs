using System.Data.Common;
using CallCenter.Core.Agents;
using Dapper;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Routing;

/// <summary>How a ringing offer ends: each end is one transaction that starts by ending the offer only if it still rings.</summary>
internal sealed partial class RoutingEngine
{
    public async Task<OfferResult> AcceptAsync(Guid offerId, Guid agentId, CancellationToken cancellationToken = default)
    {
        var (outcome, offer) = await TryAcceptAsync(offerId, agentId, cancellationToken);
        if (outcome == AcceptStep.WorkGone)
        {
            // The caller hung up (or the conversation closed) while it rang: the offer is withdrawn, not a miss.
            await EndAsync(offer!, OfferStatus.Withdrawn, "work-gone", AgentEventKind.OfferWithdrawn, returnWork: false, cancellationToken);
        }

        return outcome switch
        {
            AcceptStep.Refused => new OfferResult(Refusal(offer, agentId) ?? OfferOutcome.NotRinging, offer),
            AcceptStep.Accepted => new OfferResult(OfferOutcome.Applied, await offers.FindAsync(offerId, cancellationToken)),
            _ => new OfferResult(OfferOutcome.NotRinging, await offers.FindAsync(offerId, cancellationToken)),
        };
    }

    private enum AcceptStep
    {
        Accepted,
        Refused,
        NotRinging,
        WorkGone,
    }

    // One connection at a time: follow-ups run after it is returned, so many accepts at once never wait on a
    // pool they are themselves holding.
    private async Task<(AcceptStep, Offer?)> TryAcceptAsync(Guid offerId, Guid agentId, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var offer = await OfferRepository.FindAsync(connection, tx, offerId, cancellationToken);
        if (Refusal(offer, agentId) is not null)
        {
            await tx.RollbackAsync(cancellationToken);
            return (AcceptStep.Refused, offer);
        }

        if (!await OfferRepository.EndRingingAsync(connection, tx, offerId, OfferStatus.Accepted, "accepted", now, cancellationToken))
        {
            await tx.RollbackAsync(cancellationToken);
            return (AcceptStep.NotRinging, offer);
        }

        if (!await WorkRows.AssignAsync(connection, tx, offer!, now, cancellationToken))
        {
            await tx.RollbackAsync(cancellationToken);
            return (AcceptStep.WorkGone, offer);
        }

        if (IsVoice(offer!) && !await MoveAgentAsync(connection, tx, offer!.AgentId, AgentEventKind.OfferAccepted, now, cancellationToken))
        {
            await tx.RollbackAsync(cancellationToken);
            return (AcceptStep.NotRinging, offer);
        }

        await tx.CommitAsync(cancellationToken);
        return (AcceptStep.Accepted, offer);
    }

    public async Task<OfferResult> DeclineAsync(Guid offerId, Guid agentId, CancellationToken cancellationToken = default)
    {
        var offer = await offers.FindAsync(offerId, cancellationToken);
        if (Refusal(offer, agentId) is { } refused)
        {
            return new OfferResult(refused, offer);
        }

        var ended = await EndAsync(offer!, OfferStatus.Declined, "declined", AgentEventKind.OfferDeclined, returnWork: true, cancellationToken);
        return new OfferResult(ended ? OfferOutcome.Applied : OfferOutcome.NotRinging, await offers.FindAsync(offerId, cancellationToken));
    }

    public async Task<IReadOnlyList<Offer>> ExpireAsync(CancellationToken cancellationToken = default)
    {
        var expired = new List<Offer>();
        foreach (var offer in await offers.ExpiredAsync(Now, cancellationToken))
        {
            if (await EndAsync(offer, OfferStatus.TimedOut, "timed-out", AgentEventKind.OfferTimedOut, returnWork: true, cancellationToken))
            {
                expired.Add(await offers.FindAsync(offer.Id, cancellationToken) ?? offer);
            }
        }

        return expired;
    }

    public async Task<IReadOnlyList<Offer>> WithdrawForAgentAsync(Guid agentId, string reason, CancellationToken cancellationToken = default)
    {
        var withdrawn = new List<Offer>();
        foreach (var offer in await offers.RingingForAgentAsync(agentId, cancellationToken))
        {
            if (await EndAsync(offer, OfferStatus.Withdrawn, reason, AgentEventKind.OfferWithdrawn, returnWork: true, cancellationToken))
            {
                withdrawn.Add(await offers.FindAsync(offer.Id, cancellationToken) ?? offer);
            }
        }

        return withdrawn;
    }

    private const string LeaveSql = """
        UPDATE queue_entry SET status = 'left', ended_at = @At, end_reason = @Reason
        WHERE call_sid = @CallSid AND status IN ('waiting', 'offered')
        """;

    public async Task<Offer?> WithdrawForCallAsync(string callSid, string reason, CancellationToken cancellationToken = default)
    {
        var now = Now;
        Offer? withdrawn = null;
        foreach (var offer in await offers.RingingForCallAsync(callSid, cancellationToken))
        {
            if (await EndAsync(offer, OfferStatus.Withdrawn, reason, AgentEventKind.OfferWithdrawn, returnWork: false, cancellationToken))
            {
                withdrawn = await offers.FindAsync(offer.Id, cancellationToken);
            }
        }

        // The caller is gone either way: the entry leaves the line (a repeat finds it already ended).
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            LeaveSql, new { CallSid = callSid, Reason = reason, At = now }, cancellationToken: cancellationToken));
        return withdrawn;
    }

    /// <summary>
    /// Ends a ringing offer (false when it no longer rang), puts its work back in line in its old place when
    /// <paramref name="returnWork"/>, and raises the event on the agent for a call offer: one transaction.
    /// </summary>
    private async Task<bool> EndAsync(Offer offer, OfferStatus status, string reason, AgentEventKind agentEvent, bool returnWork, CancellationToken cancellationToken)
    {
        var now = Now;
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
        }

        if (IsVoice(offer))
        {
            await MoveAgentAsync(connection, tx, offer.AgentId, agentEvent, now, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Applies the event through the one state machine, in the caller's transaction. False when the machine
    /// refuses it (logged: the agent was moved in a way the offer did not expect) or the agent keeps changing.
    /// </summary>
    private async Task<bool> MoveAgentAsync(DbConnection connection, DbTransaction tx, Guid agentId, AgentEventKind kind, DateTime now, CancellationToken cancellationToken)
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

    private static bool IsVoice(Offer offer) => offer.Kind is WorkKind.Call or WorkKind.Callback;

    private static OfferOutcome? Refusal(Offer? offer, Guid agentId) =>
        offer is null ? OfferOutcome.NotFound
        : offer.AgentId != agentId ? OfferOutcome.NotYours
        : offer.Status != OfferStatus.Ringing ? OfferOutcome.NotRinging
        : null;
}
