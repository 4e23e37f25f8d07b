using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Wallboard;
using Dapper;

namespace CallCenter.Core.Queues;

internal sealed partial class QueueRepository
{
    private const string CallbackColumns = """
        id, call_sid, queue_name, number, patient_id, language, priority, place_enqueued_at, status, created_at, place_at
        """;

    private const string InsertCallbackSql = """
        INSERT INTO callback_request (id, call_sid, queue_name, number, patient_id, language, priority, place_enqueued_at, status, created_at, place_at)
        VALUES (@Id, @CallSid, @QueueName, @Number, @PatientId, @Language, @Priority, @PlaceEnqueuedAt, @Status, @CreatedAt, @PlaceAt)
        """;

    private const string MarkCallbackSql = """
        UPDATE queue_entry SET status = 'callback', ended_at = @At, end_reason = 'callback-requested'
        WHERE call_sid = @CallSid AND status = 'waiting'
        """;

    public async Task<bool> AddCallbackAsync(CallbackRequestRow request, DateTime at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);

        // The request takes the call's own place when the call queued (kept even if it was moved since), else the
        // place its priority and original enqueue time give.
        var entry = await QueueLineRows.ByCallAsync(connection, tx, request.CallSid, cancellationToken);
        request = request with
        {
            PlaceAt = request.PlaceAt ?? entry?.PlaceAt ?? LinePlace.For(request.PlaceEnqueuedAt, request.Priority, routing.Value.PrioritySeconds),
        };
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertCallbackSql, request, transaction: tx, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            // The call already asked: its first request (and place) stands.
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            MarkCallbackSql, new { request.CallSid, At = at }, transaction: tx, cancellationToken: cancellationToken));

        // The request's place among everyone else in its queue's line; the wait is the call's in the queue it joined
        // (none when the caller never queued).
        var position = await QueueLineRows.PositionAsync(connection, tx, request.QueueName, request.CallSid, request.PlaceAt.Value, cancellationToken);
        await events.AppendAsync(
            connection, tx,
            new QueueEvent
            {
                Id = Ids.New(time), QueueName = request.QueueName, Kind = QueueEventKind.CallbackRequested, CallSid = request.CallSid,
                QueueEntryId = entry?.Id, CallbackRequestId = request.Id, Position = position, Wait = entry?.WaitUntil(at), OccurredAt = at,
            },
            cancellationToken);
        await tx.CommitAsync(cancellationToken);
        wallboard.Changed();
        return true;
    }

    private const string FindCallbackSql = $"SELECT {CallbackColumns} FROM callback_request WHERE call_sid = @CallSid";

    public async Task<CallbackRequestRow?> FindCallbackAsync(string callSid, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CallbackRequestRow>(
            new CommandDefinition(FindCallbackSql, new { CallSid = callSid }, cancellationToken: cancellationToken));
    }
}
