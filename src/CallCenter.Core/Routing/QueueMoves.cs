using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Queues;
using CallCenter.Core.Wallboard;
using Dapper;

namespace CallCenter.Core.Routing;

/// <summary>
/// Calls moved by hand (a transfer back into a queue) or by rule (overflow), each move one conditional update that
/// appends its queue events in the same transaction (docs/queue-event-log.md).
/// </summary>
internal sealed class QueueMoves(IDbConnectionFactory db, IQueueSettingsRepository queues, IQueueEventLog log, IWallboardSignal wallboard, TimeProvider time)
    : IQueueMoves
{
    // Conditional on the entry as read (status and queue), so the events name the queue the call really left.
    private const string RequeueSql = """
        UPDATE queue_entry
        SET queue_name = @QueueName, status = 'waiting', agent_id = NULL, answered_at = NULL, ended_at = NULL, end_reason = NULL,
            queue_joined_at = @At
        WHERE id = @Id AND status = @FromStatus AND queue_name = @FromQueue AND status IN ('bridged', 'waiting')
          AND EXISTS (SELECT 1 FROM call_queue WHERE name = @QueueName)
        """;

    public Task<bool> RequeueAsync(string callSid, string queueName, CancellationToken cancellationToken = default) =>
        MoveAsync(callSid, queueName, missed: false, cancellationToken);

    public Task<bool> ReturnAfterMissAsync(string callSid, string queueName, CancellationToken cancellationToken = default) =>
        MoveAsync(callSid, queueName, missed: true, cancellationToken);

    private async Task<bool> MoveAsync(string callSid, string queueName, bool missed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var entry = await QueueLineRows.ByCallAsync(connection, tx, callSid, cancellationToken);
        var moved = entry is not null && await connection.ExecuteAsync(new CommandDefinition(
            RequeueSql,
            new { entry.Id, QueueName = queueName, At = now, FromStatus = entry.Status, FromQueue = entry.QueueName },
            transaction: tx, cancellationToken: cancellationToken)) == 1;
        if (!moved)
        {
            await tx.RollbackAsync(cancellationToken);
            return false;
        }

        foreach (var queueEvent in MoveEvents(entry!, queueName, missed, now))
        {
            await log.AppendAsync(connection, tx, queueEvent, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        wallboard.Changed();
        return true;
    }

    // The agent's phone never answered: the call goes back in its line, a ring-no-answer at that agent. A transfer:
    // transferred in the queue it leaves (with the agent who sent it), entered in the one it joins.
    private IEnumerable<QueueEvent> MoveEvents(QueueLineRows.LineRow entry, string toQueue, bool missed, DateTime now)
    {
        var leaving = Event(entry, entry.QueueName, now);
        if (missed)
        {
            // It carries the wait its connected event counted, so figures can take that answer back (docs/wallboard.md).
            var answeredWait = entry.AnsweredAt is { } answeredAt ? entry.WaitUntil(answeredAt) : (TimeSpan?)null;
            yield return leaving with { Kind = QueueEventKind.RingNoAnswer, AgentId = entry.AgentId, Wait = answeredWait, Detail = WallboardCalculator.NotConnected };
            yield break;
        }

        yield return leaving with { Kind = QueueEventKind.Transferred, AgentId = entry.AgentId, Wait = entry.WaitUntil(now), Detail = toQueue };
        yield return Event(entry, toQueue, now);
    }

    private QueueEvent Event(QueueLineRows.LineRow entry, string queueName, DateTime at) => new()
    {
        Id = Ids.New(time), QueueName = queueName, Kind = QueueEventKind.Entered, CallSid = entry.CallSid, QueueEntryId = entry.Id, OccurredAt = at,
    };

    // Only calls still waiting overflow: one ringing at an agent is given its chance first.
    private const string OverdueSql = """
        SELECT id, queue_name, call_sid, status, place_at, enqueued_at, queue_joined_at, agent_id, language FROM queue_entry
        WHERE status = 'waiting' AND queue_name = @QueueName AND queue_joined_at <= @Before
        ORDER BY place_at, call_sid
        """;

    // Conditional on still waiting where it was read (queue and join time): a second hub overflowing the same call, or
    // a move in between, changes nothing, and the wait recorded is the one that ran out.
    private const string OverflowToQueueSql = """
        UPDATE queue_entry SET queue_name = @ToQueue, queue_joined_at = @At
        WHERE id = @Id AND status = 'waiting' AND queue_name = @FromQueue AND queue_joined_at = @JoinedAt
        """;

    private const string OverflowOutSql = """
        UPDATE queue_entry SET status = 'overflowed', ended_at = @At, end_reason = @Reason
        WHERE id = @Id AND status = 'waiting' AND queue_name = @FromQueue AND queue_joined_at = @JoinedAt
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
                if (await OverflowOneAsync(connection, entry, queue, now, cancellationToken) is { } action)
                {
                    actions.Add(action);
                }
            }
        }

        if (actions.Count > 0)
        {
            wallboard.Changed();
        }

        return actions;
    }

    private async Task<OverflowAction?> OverflowOneAsync(
        DbConnection connection, OverdueRow entry, QueueSettings queue, DateTime now, CancellationToken cancellationToken)
    {
        var (sql, kind) = queue.OverflowKind switch
        {
            QueueOverflowKind.Queue => (OverflowToQueueSql, OverflowKind.Queue),
            QueueOverflowKind.Voicemail => (OverflowOutSql, OverflowKind.Voicemail),
            _ => (OverflowOutSql, OverflowKind.Callback),
        };
        var target = kind == OverflowKind.Queue ? queue.OverflowQueue : null;
        var parameters = new
        {
            entry.Id, FromQueue = queue.Name, ToQueue = target, At = now, JoinedAt = entry.QueueJoinedAt,
            Reason = "overflow-" + kind.ToString().ToLowerInvariant(),
        };

        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction: tx, cancellationToken: cancellationToken)) != 1)
        {
            await tx.RollbackAsync(cancellationToken);
            return null;
        }

        // Moved to the overflow queue: overflowed here (detail: where to), entered there. Sent out of the line to
        // voicemail or a callback offer: timed out (detail: which).
        var left = Event(entry, queue.Name, now) with { Wait = entry.WaitUntil(now) };
        await log.AppendAsync(
            connection, tx,
            target is not null
                ? left with { Kind = QueueEventKind.Overflowed, Detail = target }
                : left with { Kind = QueueEventKind.TimedOut, Detail = kind.ToString().ToLowerInvariant() },
            cancellationToken);
        if (target is not null)
        {
            await log.AppendAsync(connection, tx, Event(entry, target, now), cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return new OverflowAction(entry.CallSid, queue.Name, kind, target, entry.Language);
    }

    private sealed record OverdueRow : QueueLineRows.LineRow
    {
        public string Language { get; init; } = "";
    }
}
