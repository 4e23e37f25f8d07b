using System.Data.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Routing;
using Dapper;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Queues;

internal sealed partial class QueueRepository(IDbConnectionFactory db, ISqlDialect dialect, IOptions<RoutingOptions> routing) : IQueueRepository
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
            try
            {
                await connection.ExecuteAsync(new CommandDefinition(InsertEntrySql, entry, cancellationToken: cancellationToken));
                return entry;
            }
            catch (DbException ex) when (dialect.IsUniqueViolation(ex))
            {
                // A repeated webhook for a call already in line: the first entry stands.
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

    // The line's one order (the router's too): place, then call SID, so two calls never claim the same position.
    // Offered entries are still in line (ringing at an agent) and count.
    private const string CountAheadSql = """
        SELECT
            (SELECT COUNT(*) FROM queue_entry
             WHERE queue_name = @QueueName AND status IN ('waiting', 'offered') AND call_sid <> @CallSid
               AND (place_at < @PlaceAt OR (place_at = @PlaceAt AND call_sid < @CallSid)))
          + (SELECT COUNT(*) FROM callback_request
             WHERE queue_name = @QueueName AND status IN ('requested', 'offered') AND call_sid <> @CallSid
               AND (place_at < @PlaceAt OR (place_at = @PlaceAt AND call_sid < @CallSid)))
        """;

    public async Task<int> CountAheadAsync(QueueEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await db.OpenAsync(cancellationToken);
        var ahead = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            CountAheadSql, new { entry.QueueName, entry.CallSid, PlaceAt = PlaceOf(entry) }, cancellationToken: cancellationToken));
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

    private const string EndSql = """
        UPDATE queue_entry SET status = @Status, ended_at = @At, end_reason = @Reason
        WHERE call_sid = @CallSid AND status IN ('waiting', 'offered')
        """;

    public async Task<bool> EndAsync(string callSid, string status, string reason, DateTime at, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            EndSql, new { CallSid = callSid, Status = status, Reason = reason, At = at }, cancellationToken: cancellationToken));
        return changed > 0;
    }

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
