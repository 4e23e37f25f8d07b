using CallCenter.Core.Data;
using CallCenter.Core.Queues;
using Dapper;

namespace CallCenter.Core.Routing;

/// <summary>Calls moved by hand (a transfer back into a queue) or by rule (overflow), each move one conditional update.</summary>
internal sealed class QueueMoves(IDbConnectionFactory db, IQueueSettingsRepository queues, TimeProvider time) : IQueueMoves
{
    private const string RequeueSql = """
        UPDATE queue_entry
        SET queue_name = @QueueName, status = 'waiting', agent_id = NULL, answered_at = NULL, ended_at = NULL, end_reason = NULL,
            queue_joined_at = @At
        WHERE call_sid = @CallSid AND status IN ('bridged', 'waiting')
          AND EXISTS (SELECT 1 FROM call_queue WHERE name = @QueueName)
        """;

    public async Task<bool> RequeueAsync(string callSid, string queueName, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            RequeueSql, new { CallSid = callSid, QueueName = queueName, At = time.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken)) == 1;
    }

    // Only calls still waiting overflow: one ringing at an agent is given its chance first.
    private const string OverdueSql = """
        SELECT id, call_sid, queue_name, language, queue_joined_at FROM queue_entry WHERE status = 'waiting' AND queue_name = @QueueName
          AND queue_joined_at <= @Before
        ORDER BY place_at, call_sid
        """;

    private const string OverflowToQueueSql = """
        UPDATE queue_entry SET queue_name = @ToQueue, queue_joined_at = @At WHERE id = @Id AND status = 'waiting' AND queue_name = @FromQueue
        """;

    private const string OverflowOutSql = """
        UPDATE queue_entry SET status = 'overflowed', ended_at = @At, end_reason = @Reason WHERE id = @Id AND status = 'waiting' AND queue_name = @FromQueue
        """;

    public async Task<IReadOnlyList<OverflowAction>> OverflowAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var actions = new List<OverflowAction>();
        var all = await queues.ListAsync(cancellationToken);
        await using var connection = await db.OpenAsync(cancellationToken);
        foreach (var queue in all)
        {
            if (queue.OverflowKind == QueueOverflowKind.None || (queue.OverflowKind == QueueOverflowKind.Queue && queue.OverflowQueue is null))
            {
                continue;
            }

            var overdue = await connection.QueryAsync<OverdueRow>(new CommandDefinition(
                OverdueSql, new { QueueName = queue.Name, Before = now.AddSeconds(-queue.MaxWaitSeconds) }, cancellationToken: cancellationToken));
            foreach (var entry in overdue)
            {
                var (sql, kind) = queue.OverflowKind switch
                {
                    QueueOverflowKind.Queue => (OverflowToQueueSql, OverflowKind.Queue),
                    QueueOverflowKind.Voicemail => (OverflowOutSql, OverflowKind.Voicemail),
                    _ => (OverflowOutSql, OverflowKind.Callback),
                };
                var parameters = new { entry.Id, FromQueue = queue.Name, ToQueue = queue.OverflowQueue, At = now, Reason = "overflow-" + kind.ToString().ToLowerInvariant() };

                // Conditional on still waiting in this queue: a second hub overflowing the same call changes nothing.
                if (await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)) == 1)
                {
                    actions.Add(new OverflowAction(entry.CallSid, queue.Name, kind, kind == OverflowKind.Queue ? queue.OverflowQueue : null, entry.Language));
                }
            }
        }

        return actions;
    }

    private sealed record OverdueRow
    {
        public Guid Id { get; init; }
        public string CallSid { get; init; } = "";
        public string QueueName { get; init; } = "";
        public string Language { get; init; } = "";
    }
}
