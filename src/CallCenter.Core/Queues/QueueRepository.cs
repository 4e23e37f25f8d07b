using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Routing;
using CallCenter.Core.Wallboard;
using Dapper;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Queues;

// Every change of a call in line appends its queue event in the change's own transaction, and only when the
// conditional change took effect: a repeated webhook appends nothing (docs/queue-event-log.md).
internal sealed partial class QueueRepository(
    IDbConnectionFactory db, ISqlDialect dialect, IOptions<RoutingOptions> routing, IQueueEventLog events, IWallboardSignal wallboard, TimeProvider time)
    : IQueueRepository
{
    private const string EntryColumns = """
        id, queue_name, call_sid, patient_id, caller_number, priority, skills, language, status, enqueued_at, ended_at, end_reason,
        place_at, queue_joined_at, agent_id, answered_at
        """;

    private const string QueueNamesSql = "SELECT name FROM call_queue ORDER BY name";

    public async Task<IReadOnlyList<string>> QueueNamesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var names = await connection.QueryAsync<string>(new CommandDefinition(QueueNamesSql, cancellationToken: cancellationToken));
        return names.AsList();
    }

    private const string InsertEntrySql = """
        INSERT INTO queue_entry (id, queue_name, call_sid, patient_id, caller_number, priority, skills, language, status, enqueued_at, ended_at, end_reason,
                                 place_at, queue_joined_at, agent_id, answered_at)
        VALUES (@Id, @QueueName, @CallSid, @PatientId, @CallerNumber, @Priority, @Skills, @Language, @Status, @EnqueuedAt, NULL, NULL,
                @PlaceAt, @QueueJoinedAt, NULL, NULL)
        """;

    public async Task<QueueEntry> EnqueueAsync(QueueEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry = entry with { PlaceAt = PlaceOf(entry), QueueJoinedAt = entry.QueueJoinedAt ?? entry.EnqueuedAt };
        await using (var connection = await db.OpenAsync(cancellationToken))
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertEntrySql, entry, transaction: tx, cancellationToken: cancellationToken));
                await events.AppendAsync(connection, tx, Event(entry.QueueName, QueueEventKind.Entered, entry.CallSid, entry.Id, entry.EnqueuedAt), cancellationToken);
                await tx.CommitAsync(cancellationToken);
                wallboard.Changed();
                return entry;
            }
            catch (DbException ex) when (dialect.IsUniqueViolation(ex))
            {
                // A repeated webhook for a call already in line: the first entry (and its one event) stands.
                await tx.RollbackAsync(cancellationToken);
            }
        }

        return await FindByCallSidAsync(entry.CallSid, cancellationToken)
            ?? throw new InvalidOperationException("A queue entry reported as existing could not be read.");
    }

    private const string FindByCallSidSql = $"SELECT {EntryColumns} FROM queue_entry WHERE call_sid = @CallSid";

    public async Task<QueueEntry?> FindByCallSidAsync(string callSid, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<QueueEntry>(
            new CommandDefinition(FindByCallSidSql, new { CallSid = callSid }, cancellationToken: cancellationToken));
    }

    public async Task<int> CountAheadAsync(QueueEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await db.OpenAsync(cancellationToken);
        var ahead = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            QueueLineRows.CountAheadSql, new { entry.QueueName, entry.CallSid, PlaceAt = PlaceOf(entry) }, cancellationToken: cancellationToken));
        return (int)ahead;
    }

    private DateTime PlaceOf(QueueEntry entry) => entry.PlaceAt ?? LinePlace.For(entry.EnqueuedAt, entry.Priority, routing.Value.PrioritySeconds);

    private const string WaitingFiguresSql = """
        SELECT COUNT(*) AS waiting, MIN(enqueued_at) AS oldest FROM queue_entry WHERE queue_name = @QueueName AND status IN ('waiting', 'offered')
        """;

    private const string CallbackCountSql = "SELECT COUNT(*) FROM callback_request WHERE queue_name = @QueueName AND status IN ('requested', 'offered')";

    public async Task<QueueFigures> FiguresAsync(string queueName, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new { QueueName = queueName };
        var waiting = await connection.QuerySingleAsync<WaitingRow>(new CommandDefinition(WaitingFiguresSql, parameters, cancellationToken: cancellationToken));
        var callbacks = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CallbackCountSql, parameters, cancellationToken: cancellationToken));
        return new QueueFigures((int)waiting.Waiting, (int)callbacks, waiting.Oldest);
    }

    private const string BridgedWaitsSql = """
        SELECT enqueued_at, ended_at FROM queue_entry
        WHERE queue_name = @QueueName AND status = 'bridged' AND ended_at >= @Since
        """;

    // Durations are taken in C#: date arithmetic is one of the places every engine spells differently.
    public async Task<IReadOnlyList<TimeSpan>> BridgedWaitsSinceAsync(string queueName, DateTime since, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WaitRow>(new CommandDefinition(
            BridgedWaitsSql, new { QueueName = queueName, Since = since }, cancellationToken: cancellationToken));
        return rows.Select(r => r.EndedAt - r.EnqueuedAt).ToList();
    }

    // Conditional on the entry as it was read (still in line, in that queue): a call moved or ended meanwhile is read
    // again, so the event names the queue the call really left and its place there.
    private const string EndSql = """
        UPDATE queue_entry SET status = @Status, ended_at = @At, end_reason = @Reason
        WHERE id = @Id AND queue_name = @QueueName AND status IN ('waiting', 'offered')
        """;

    private const int EndAttempts = 3;

    public async Task<bool> EndAsync(string callSid, string status, string reason, DateTime at, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        for (var attempt = 0; attempt < EndAttempts; attempt++)
        {
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            if (await QueueLineRows.InLineAsync(connection, tx, callSid, cancellationToken) is not { } entry)
            {
                await tx.RollbackAsync(cancellationToken);
                return false;
            }

            var position = await QueueLineRows.PositionAsync(connection, tx, entry.QueueName, entry.CallSid, entry.Place, cancellationToken);
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                EndSql, new { entry.Id, entry.QueueName, Status = status, Reason = reason, At = at }, transaction: tx, cancellationToken: cancellationToken));
            if (changed == 0)
            {
                await tx.RollbackAsync(cancellationToken);
                continue;
            }

            // Leaving the line unanswered is an abandon, whatever made the caller go (detail: the flow's reason).
            if (status == QueueStatuses.Left)
            {
                await events.AppendAsync(
                    connection, tx,
                    Event(entry.QueueName, QueueEventKind.Abandoned, entry.CallSid, entry.Id, at) with
                    {
                        Position = position, Wait = entry.WaitUntil(at), Detail = reason,
                    },
                    cancellationToken);
            }

            await tx.CommitAsync(cancellationToken);
            wallboard.Changed();
            return true;
        }

        return false;
    }

    private QueueEvent Event(string queueName, QueueEventKind kind, string callSid, Guid entryId, DateTime at) => new()
    {
        Id = Ids.New(time), QueueName = queueName, Kind = kind, CallSid = callSid, QueueEntryId = entryId, OccurredAt = at,
    };

    private sealed record WaitingRow
    {
        public long Waiting { get; init; }
        public DateTime? Oldest { get; init; }
    }

    private sealed record WaitRow
    {
        public DateTime EnqueuedAt { get; init; }
        public DateTime EndedAt { get; init; }
    }
}
