using System.Data.Common;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Scheduling;
using Dapper;

namespace CallCenter.Core.Reminders;

/// <summary>
/// Answers to waitlist offers, and offers that lapse. Accepting claims the offer and books the place in one
/// transaction of conditional writes: of two patients answering "1" for the last place, one books it and the other
/// is told it is taken; the slot never goes past its capacity.
/// </summary>
internal sealed class WaitlistOfferService(
    IDbConnectionFactory db, IAppointmentRepository appointments, WaitlistOfferer offerer, IAuditLog audit, TimeProvider time)
{
    private const string Columns = """
        id, slot_id, patient_id, waitlist_entry_id, pending_reply_id, status, offered_at, expires_at, answered_at, appointment_id
        """;

    private const string ByReplySql = $"SELECT {Columns} FROM waitlist_offer WHERE pending_reply_id = @PendingReplyId";

    /// <summary>The offer an SMS reply answers, found by the pending reply it opened.</summary>
    public async Task<WaitlistOffer?> FindByReplyAsync(Guid pendingReplyId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<WaitlistOffer>(new CommandDefinition(ByReplySql, new { PendingReplyId = pendingReplyId }, cancellationToken: cancellationToken));
    }

    private const string ListForSlotSql = $"SELECT {Columns} FROM waitlist_offer WHERE slot_id = @SlotId ORDER BY offered_at, id";

    public async Task<IReadOnlyList<WaitlistOffer>> ListForSlotAsync(Guid slotId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<WaitlistOffer>(new CommandDefinition(ListForSlotSql, new { SlotId = slotId }, cancellationToken: cancellationToken))).AsList();
    }

    // Every offer transaction locks the slot's row first (and SQLite's write lock, before any read): the accept that
    // wins then marks the other offers taken without waiting on a loser that holds its own offer's row (a deadlock
    // on PostgreSQL).
    private const string LockSlotSql = "UPDATE slot SET booked_count = booked_count WHERE id = @SlotId";

    // Fails for an offer already answered, taken or lapsed.
    private const string ClaimSql = """
        UPDATE waitlist_offer SET status = 'accepted', answered_at = @Now
        WHERE id = @Id AND status = 'open' AND expires_at > @Now
        """;

    private const string SetAppointmentSql = "UPDATE waitlist_offer SET appointment_id = @AppointmentId WHERE id = @Id";

    private const string LeaveEntrySql = "DELETE FROM waitlist_entry WHERE id = @EntryId";

    private const string CloseReplySql = """
        UPDATE sms_pending_reply SET closed_at = @Now, outcome = @Outcome WHERE id = @PendingReplyId AND closed_at IS NULL
        """;

    // Once the slot is full the other open offers are taken; their replies lapse now, so a later "1" is answered
    // "taken" (the lapsed-offer answer) instead of waiting for a place that is gone.
    private const string TakeOthersRepliesSql = """
        UPDATE sms_pending_reply SET expires_at = @Now
        WHERE closed_at IS NULL AND id IN (SELECT pending_reply_id FROM waitlist_offer WHERE slot_id = @SlotId AND status = 'open')
          AND (SELECT booked_count FROM slot WHERE id = @SlotId) >= (SELECT capacity FROM slot WHERE id = @SlotId)
        """;

    private const string TakeOthersSql = """
        UPDATE waitlist_offer SET status = 'taken'
        WHERE slot_id = @SlotId AND status = 'open'
          AND (SELECT booked_count FROM slot WHERE id = @SlotId) >= (SELECT capacity FROM slot WHERE id = @SlotId)
        """;

    private const string MarkSql = """
        UPDATE waitlist_offer SET status = @Status, answered_at = @Now WHERE id = @Id AND status = 'open'
        """;

    /// <summary>
    /// Applies the patient's answer ("1" accepts, "2" declines) to the offer behind <paramref name="pendingReplyId"/>.
    /// A declined or lost offer's place goes to the next patient waiting.
    /// </summary>
    public async Task<OfferAnswerResult> AnswerAsync(Guid pendingReplyId, bool accept, CancellationToken cancellationToken = default)
    {
        if (await FindByReplyAsync(pendingReplyId, cancellationToken) is not { } offer)
        {
            return new OfferAnswerResult(OfferAnswer.NotFound);
        }

        var now = time.GetUtcNow().UtcDateTime;
        OfferAnswerResult result;
        if (offer.Status == WaitlistOfferStatuses.Taken)
        {
            result = new OfferAnswerResult(OfferAnswer.Taken);
        }
        else if (offer.Status != WaitlistOfferStatuses.Open || offer.ExpiresAt <= now)
        {
            result = new OfferAnswerResult(offer.Status == WaitlistOfferStatuses.Accepted ? OfferAnswer.Accepted : OfferAnswer.Expired);
        }
        else
        {
            result = accept ? await AcceptAsync(offer, now, cancellationToken) : await DeclineAsync(offer, now, cancellationToken);
        }

        await CloseReplyAsync(pendingReplyId, result.Answer, now, cancellationToken);
        await audit.WriteAsync(
            Actor.Ivr, "waitlist.offer-answer", offer.PatientId, result.Answer == OfferAnswer.Accepted ? AuditOutcomes.Success : AuditOutcomes.Failed,
            $"offer {offer.Id} slot {offer.SlotId} {result.Answer}", cancellationToken);
        return result;
    }

    private async Task<OfferAnswerResult> AcceptAsync(WaitlistOffer offer, DateTime now, CancellationToken cancellationToken)
    {
        var appointment = new Appointment
        {
            Id = Ids.New(time),
            PatientId = offer.PatientId,
            SlotId = offer.SlotId,
            Status = AppointmentStatus.Booked,
            Channel = AppointmentChannel.Phone,
            Reason = "waitlist offer accepted by SMS",
            BookedAt = now,
            UpdatedAt = now,
        };
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            var keys = new { offer.Id, offer.SlotId, Now = now, AppointmentId = appointment.Id, EntryId = offer.WaitlistEntryId };
            await connection.ExecuteAsync(new CommandDefinition(LockSlotSql, keys, tx, cancellationToken: cancellationToken));
            if (await connection.ExecuteAsync(new CommandDefinition(ClaimSql, keys, tx, cancellationToken: cancellationToken)) == 0)
            {
                // Answered twice at once, or lapsed a moment ago: the offer as it now stands says which.
                var current = await FindByReplyAsync(offer.PendingReplyId!.Value, cancellationToken);
                return new OfferAnswerResult(current?.Status == WaitlistOfferStatuses.Accepted ? OfferAnswer.Accepted : current?.Status == WaitlistOfferStatuses.Taken ? OfferAnswer.Taken : OfferAnswer.Expired);
            }

            var booked = await appointments.BookInAsync(appointment, connection, tx, cancellationToken);
            if (booked == BookingOutcome.Booked)
            {
                await connection.ExecuteAsync(new CommandDefinition(SetAppointmentSql, keys, tx, cancellationToken: cancellationToken));
                if (offer.WaitlistEntryId is not null)
                {
                    await connection.ExecuteAsync(new CommandDefinition(LeaveEntrySql, keys, tx, cancellationToken: cancellationToken));
                }

                await connection.ExecuteAsync(new CommandDefinition(TakeOthersRepliesSql, keys, tx, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(TakeOthersSql, keys, tx, cancellationToken: cancellationToken));
                await tx.CommitAsync(cancellationToken);
                return new OfferAnswerResult(OfferAnswer.Accepted, await appointments.FindAsync(appointment.Id, cancellationToken));
            }
        }

        // The place went to someone else first (or the patient holds one already): nothing was written.
        await MarkAsync(offer.Id, WaitlistOfferStatuses.Taken, now, cancellationToken);
        return new OfferAnswerResult(OfferAnswer.Taken);
    }

    private async Task<OfferAnswerResult> DeclineAsync(WaitlistOffer offer, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(LockSlotSql, new { offer.SlotId }, tx, cancellationToken: cancellationToken));
        if (await connection.ExecuteAsync(new CommandDefinition(MarkSql, new { offer.Id, Status = WaitlistOfferStatuses.Declined, Now = now }, tx, cancellationToken: cancellationToken)) == 1)
        {
            await offerer.OfferAgainAsync(offer.SlotId, connection, tx, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return new OfferAnswerResult(OfferAnswer.Declined);
    }

    private const string LapsedSlotsSql = "SELECT DISTINCT slot_id FROM waitlist_offer WHERE status = 'open' AND expires_at <= @Now";

    private const string ExpireSql = "UPDATE waitlist_offer SET status = 'expired' WHERE slot_id = @SlotId AND status = 'open' AND expires_at <= @Now";

    /// <summary>
    /// Marks lapsed offers expired and offers their slots' places that are still free to the next patients waiting;
    /// returns how many offers lapsed. Idempotent: a second run finds nothing.
    /// </summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Guid> slots;
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            slots = (await connection.QueryAsync<Guid>(new CommandDefinition(LapsedSlotsSql, new { Now = now }, cancellationToken: cancellationToken))).AsList();
        }

        var expired = 0;
        foreach (var slotId in slots)
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(LockSlotSql, new { SlotId = slotId }, tx, cancellationToken: cancellationToken));
            var count = await connection.ExecuteAsync(new CommandDefinition(ExpireSql, new { SlotId = slotId, Now = now }, tx, cancellationToken: cancellationToken));
            if (count > 0)
            {
                await offerer.OfferAgainAsync(slotId, connection, tx, cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            expired += count;
        }

        return expired;
    }

    private async Task MarkAsync(Guid id, string status, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(MarkSql, new { Id = id, Status = status, Now = now }, cancellationToken: cancellationToken));
    }

    private async Task CloseReplyAsync(Guid pendingReplyId, OfferAnswer answer, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var outcome = answer.ToString().ToLowerInvariant();
        await connection.ExecuteAsync(new CommandDefinition(CloseReplySql, new { PendingReplyId = pendingReplyId, Outcome = outcome, Now = now }, cancellationToken: cancellationToken));
    }
}
