using CallCenter.Core.Agents;
using CallCenter.Core.Data;
using CallCenter.Core.Queues;
using CallCenter.Core.Wallboard;
using Dapper;

namespace CallCenter.Core.Routing;

/// <summary>
/// How an offer ends (each end one transaction that starts by ending the offer only if it still rings) and what the
/// agent then does with the work they took.
/// </summary>
internal sealed class OfferLifecycle(
    IDbConnectionFactory db,
    OfferRepository offers,
    OfferEnder ender,
    OfferEvents events,
    IQueueRepository queues,
    IWallboardSignal wallboard,
    TimeProvider time) : IOfferLifecycle
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<OfferResult> AcceptAsync(Guid offerId, Guid agentId, CancellationToken cancellationToken = default)
    {
        var (outcome, offer) = await TryAcceptAsync(offerId, agentId, cancellationToken);
        if (outcome == AcceptStep.WorkGone)
        {
            // The caller hung up (or the conversation closed) while it rang: the offer is withdrawn, not a miss.
            await ender.EndAsync(offer!, OfferStatus.Withdrawn, "work-gone", AgentEventKind.OfferWithdrawn, returnWork: false, cancellationToken);
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

        if (OfferEnder.IsVoice(offer!) && !await ender.MoveAgentAsync(connection, tx, offer!.AgentId, AgentEventKind.OfferAccepted, now, cancellationToken))
        {
            await tx.RollbackAsync(cancellationToken);
            return (AcceptStep.NotRinging, offer);
        }

        await events.ConnectedAsync(connection, tx, offer!, now, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        wallboard.Changed();
        return (AcceptStep.Accepted, offer);
    }

    public async Task<OfferResult> DeclineAsync(Guid offerId, Guid agentId, CancellationToken cancellationToken = default)
    {
        var offer = await offers.FindAsync(offerId, cancellationToken);
        if (Refusal(offer, agentId) is { } refused)
        {
            return new OfferResult(refused, offer);
        }

        var ended = await ender.EndAsync(offer!, OfferStatus.Declined, "declined", AgentEventKind.OfferDeclined, returnWork: true, cancellationToken);
        return new OfferResult(ended ? OfferOutcome.Applied : OfferOutcome.NotRinging, await offers.FindAsync(offerId, cancellationToken));
    }

    public async Task<IReadOnlyList<Offer>> ExpireAsync(CancellationToken cancellationToken = default)
    {
        var expired = new List<Offer>();
        foreach (var offer in await offers.ExpiredAsync(Now, cancellationToken))
        {
            if (await ender.EndAsync(offer, OfferStatus.TimedOut, "timed-out", AgentEventKind.OfferTimedOut, returnWork: true, cancellationToken))
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
            if (await ender.EndAsync(offer, OfferStatus.Withdrawn, reason, AgentEventKind.OfferWithdrawn, returnWork: true, cancellationToken))
            {
                withdrawn.Add(await offers.FindAsync(offer.Id, cancellationToken) ?? offer);
            }
        }

        return withdrawn;
    }

    public async Task<Offer?> WithdrawForCallAsync(string callSid, string reason, CancellationToken cancellationToken = default)
    {
        var now = Now;
        Offer? withdrawn = null;
        foreach (var offer in await offers.RingingForCallAsync(callSid, cancellationToken))
        {
            if (await ender.EndAsync(offer, OfferStatus.Withdrawn, reason, AgentEventKind.OfferWithdrawn, returnWork: false, cancellationToken))
            {
                withdrawn = await offers.FindAsync(offer.Id, cancellationToken);
            }
        }

        // The caller is gone either way: the entry leaves the line as abandoned, at the place it held while it rang
        // (a repeat, or the flow's own hang-up first, finds it already ended and appends nothing).
        await queues.EndAsync(callSid, QueueStatuses.Left, reason, now, cancellationToken);
        return withdrawn;
    }

    private const string LinkOfferSql = """
        UPDATE offer SET patient_id = @PatientId WHERE id = @Id AND (patient_id IS NULL OR patient_id = @PatientId)
        """;

    public async Task<bool> LinkPatientAsync(Guid offerId, Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var offer = await OfferRepository.FindAsync(connection, tx, offerId, cancellationToken);
        var linked = offer is not null && await connection.ExecuteAsync(new CommandDefinition(
            LinkOfferSql, new { Id = offerId, PatientId = patientId }, transaction: tx, cancellationToken: cancellationToken)) == 1;
        if (!linked)
        {
            // No such offer, or its caller is already someone else: a link never silently replaces another.
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        await WorkRows.LinkPatientAsync(connection, tx, offer!, patientId, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    private const string CloseSql = """
        UPDATE conversation SET status = 'closed' WHERE id = @Id AND agent_id = @AgentId AND routing_status = 'assigned' AND status = 'open'
        """;

    private const string ClosedByAgentSql = "SELECT COUNT(*) FROM conversation WHERE id = @Id AND agent_id = @AgentId AND status = 'closed'";

    public async Task<bool> CloseConversationAsync(Guid conversationId, Guid agentId, CancellationToken cancellationToken = default)
    {
        var parameters = new { Id = conversationId, AgentId = agentId };
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(CloseSql, parameters, cancellationToken: cancellationToken)) == 1)
        {
            return true;
        }

        // A repeated close by the same agent is a success that changes nothing.
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(ClosedByAgentSql, parameters, cancellationToken: cancellationToken)) > 0;
    }

    private static OfferOutcome? Refusal(Offer? offer, Guid agentId) =>
        offer is null ? OfferOutcome.NotFound
        : offer.AgentId != agentId ? OfferOutcome.NotYours
        : offer.Status != OfferStatus.Ringing ? OfferOutcome.NotRinging
        : null;
}
