using System.Data.Common;
using CallCenter.Core.Desk.Voice;
using CallCenter.Core.Wallboard;
using Dapper;

namespace CallCenter.Core.Desk.Data;

/// <summary>
/// The voice path's operations on the agent's work row (<see cref="IDeskCallRepository"/>): its voice columns are
/// <c>call_status</c>, <c>leg</c>, <c>transfer_to</c>, <c>connected_at</c>, <c>call_started_at</c> and <c>version</c>,
/// and it shares <c>ended_at</c> and <c>end_reason</c> with the desk. Every change is conditional (on
/// <c>version</c>, or on the voice path not having started), so of two webhooks racing exactly one moves the call.
/// </summary>
public sealed partial class DeskWorkRepository : IDeskCallRepository
{
    private const string CallColumns = """
        offer_id, agent_id, call_sid, queue_name, call_status AS status, leg, transfer_to, connected_at, ended_at, end_reason,
        call_started_at AS started_at, version
        """;

    private const string FindLiveCallSql = $"""
        SELECT {CallColumns} FROM desk_work
        WHERE call_sid = @CallSid AND call_status IN ('connecting', 'connected', 'on-hold', 'transferring')
        """;

    public async Task<DeskCallRow?> FindLiveAsync(string callSid, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DeskCallRow>(
            new CommandDefinition(FindLiveCallSql, new { CallSid = callSid }, cancellationToken: cancellationToken));
    }

    private const string FindCallByOfferSql = $"SELECT {CallColumns} FROM desk_work WHERE offer_id = @OfferId AND call_status IS NOT NULL";

    public async Task<DeskCallRow?> FindByOfferAsync(Guid offerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DeskCallRow>(
            new CommandDefinition(FindCallByOfferSql, new { OfferId = offerId }, cancellationToken: cancellationToken));
    }

    // Only work whose voice path has not started starts: the same offer connecting twice is a repeat. A call still
    // live with another offer's work breaks UQ_desk_work_live_call: that start lost the race and changes nothing.
    private const string StartCallSql = """
        UPDATE desk_work
        SET call_sid = @CallSid, call_status = @Status, leg = @Leg, transfer_to = @TransferTo, connected_at = @ConnectedAt,
            call_started_at = @StartedAt, version = version + 1
        WHERE offer_id = @OfferId AND agent_id = @AgentId AND call_status IS NULL
        """;

    public async Task<bool> TryStartAsync(DeskCallRow row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new { row.CallSid, row.OfferId, row.AgentId, row.Status, row.Leg, row.TransferTo, row.ConnectedAt, row.StartedAt };
        try
        {
            return await connection.ExecuteAsync(new CommandDefinition(StartCallSql, parameters, cancellationToken: cancellationToken)) == 1;
        }
        catch (DbException ex) when (dialect.IsLostRace(ex))
        {
            // Another agent's work holds the call live (or won the same instant): this offer does not get it.
            return false;
        }
    }

    private const string UpdateCallSql = """
        UPDATE desk_work
        SET call_status = @Status, leg = @Leg, transfer_to = @TransferTo, connected_at = @ConnectedAt, ended_at = @EndedAt,
            end_reason = @EndReason, version = @ExpectedVersion + 1
        WHERE offer_id = @OfferId AND call_sid = @CallSid AND version = @ExpectedVersion AND call_status IS NOT NULL
        """;

    public Task<bool> TryUpdateAsync(DeskCallRow changed, int expectedVersion, CancellationToken cancellationToken = default) =>
        TryUpdateAsync(changed, expectedVersion, null, cancellationToken);

    private const string OfferWorkSql = "SELECT queue_entry_id, callback_request_id FROM offer WHERE id = @OfferId";

    public async Task<bool> TryUpdateAsync(DeskCallRow changed, int expectedVersion, QueueEvent? completed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changed);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new
        {
            changed.CallSid,
            changed.OfferId,
            changed.Status,
            changed.Leg,
            changed.TransferTo,
            changed.ConnectedAt,
            changed.EndedAt,
            changed.EndReason,
            ExpectedVersion = expectedVersion,
        };
        if (await connection.ExecuteAsync(new CommandDefinition(UpdateCallSql, parameters, transaction: tx, cancellationToken: cancellationToken)) != 1)
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        if (completed is not null)
        {
            // The offer says which work this was (a call's queue entry, or a callback request and its own call).
            var work = await connection.QuerySingleOrDefaultAsync<OfferWork>(new CommandDefinition(
                OfferWorkSql, new { changed.OfferId }, transaction: tx, cancellationToken: cancellationToken));
            await events.AppendAsync(
                connection, tx, completed with { QueueEntryId = work?.QueueEntryId, CallbackRequestId = work?.CallbackRequestId }, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        if (completed is not null)
        {
            wallboard.Changed();
        }

        return true;
    }

    private sealed record OfferWork
    {
        public Guid? QueueEntryId { get; init; }
        public Guid? CallbackRequestId { get; init; }
    }
}
