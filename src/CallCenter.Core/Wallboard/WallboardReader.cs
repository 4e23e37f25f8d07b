using CallCenter.Core.Agents;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Wallboard;

internal sealed class WallboardReader(IDbConnectionFactory db, ISqlDialect dialect) : IWallboardReader
{
    // The sums of docs/wallboard.md over a derived table x (kind, wait_ms, talk_ms, sl_ms, short_ms): one row per
    // queue (and interval). A call's threshold is its own queue's; a queue deleted since keeps the defaults.
    private const string CountColumns = """
        CAST(SUM(CASE WHEN x.kind = 'entered' THEN 1 ELSE 0 END) AS bigint) AS offered,
        CAST(SUM(CASE WHEN x.kind = 'connected' THEN 1 WHEN x.kind = 'ring-no-answer' AND x.detail = 'not-connected' THEN -1 ELSE 0 END) AS bigint) AS answered,
        CAST(SUM(CASE WHEN x.kind = 'connected' AND COALESCE(x.wait_ms, 0) <= x.sl_ms THEN 1
                      WHEN x.kind = 'ring-no-answer' AND x.detail = 'not-connected' AND COALESCE(x.wait_ms, 0) <= x.sl_ms THEN -1 ELSE 0 END) AS bigint) AS answered_within_threshold,
        CAST(SUM(CASE WHEN x.kind = 'abandoned' THEN 1 ELSE 0 END) AS bigint) AS abandoned,
        CAST(SUM(CASE WHEN x.kind = 'abandoned' AND x.wait_ms < x.short_ms THEN 1 ELSE 0 END) AS bigint) AS short_abandoned,
        CAST(SUM(CASE WHEN x.kind = 'timed-out' THEN 1 ELSE 0 END) AS bigint) AS timed_out,
        CAST(SUM(CASE WHEN x.kind = 'overflowed' THEN 1 ELSE 0 END) AS bigint) AS overflowed,
        CAST(SUM(CASE WHEN x.kind = 'callback-requested' THEN 1 ELSE 0 END) AS bigint) AS callbacks_requested,
        CAST(SUM(CASE WHEN x.kind = 'connected' THEN COALESCE(x.wait_ms, 0)
                      WHEN x.kind = 'ring-no-answer' AND x.detail = 'not-connected' THEN -COALESCE(x.wait_ms, 0) ELSE 0 END) AS bigint) AS answer_wait_ms,
        CAST(MAX(CASE WHEN x.kind IN ('connected', 'abandoned', 'timed-out', 'overflowed', 'callback-requested') THEN x.wait_ms END) AS bigint) AS longest_wait_ms,
        CAST(SUM(CASE WHEN x.kind = 'completed' THEN 1 ELSE 0 END) AS bigint) AS completed,
        CAST(SUM(CASE WHEN x.kind = 'completed' THEN COALESCE(x.talk_ms, 0) ELSE 0 END) AS bigint) AS talk_ms
        """;

    private const string EventColumns = """
        e.queue_name, e.kind, e.detail, e.wait_ms, e.talk_ms,
        CAST(COALESCE(q.service_level_seconds, 20) AS bigint) * 1000 AS sl_ms, CAST(COALESCE(q.short_abandon_seconds, 0) AS bigint) * 1000 AS short_ms
        """;

    private const string QueueCountsSql = $"""
        SELECT x.queue_name, {CountColumns}
        FROM (SELECT {EventColumns}
              FROM queue_event e LEFT JOIN call_queue q ON q.name = e.queue_name
              WHERE e.occurred_at >= @From AND e.occurred_at < @To) x
        GROUP BY x.queue_name
        """;

    // A wrap-up belongs to the call its agent completed last before it ended (completed and the move to wrap-up are
    // written together, in either order); it counts in the period it started in. Only wrap-ups that ended count.
    // One pass, no lookup per wrap-up (a correlated MAX per wrap-up took seconds on PostgreSQL, docs/performance.md):
    // the period's completed calls and the ends of the wrap-ups that started in it, in time order per agent (a call
    // completed at the very instant a wrap-up ended counts before it); grp counts the completed calls up to each row
    // (RANGE: calls completed at the same instant share one), so a wrap-up end and the call(s) it belongs to share
    // (agent, grp) and MAX gives the queue (of two calls completed at one instant, the greater name). A wrap-up that
    // ended at or after @To (a call may have completed after @To) or has no completed call in the period before it
    // (grp 0: the call was before @From) looks its call up singly: a handful per period. Rows: queue_name (NULL: no
    // call, skipped by the caller), wrap_up_ms and bucket (the expression between WrapUpRowsStart and WrapUpRowsEnd).
    private const string WrapUpRowsStart = """
        SELECT CASE WHEN z.grp > 0 AND z.at < @To THEN z.last_queue
                    ELSE (SELECT MAX(c.queue_name) FROM queue_event c
                          WHERE c.agent_id = z.agent_id AND c.kind = 'completed'
                            AND c.occurred_at = (SELECT MAX(c2.occurred_at) FROM queue_event c2
                                                 WHERE c2.agent_id = z.agent_id AND c2.kind = 'completed' AND c2.occurred_at <= z.at)) END AS queue_name,
               z.wrap_up_ms, z.bucket
        FROM (SELECT t.agent_id, t.at, t.is_end, t.grp, t.wrap_up_ms, t.bucket, MAX(t.queue_name) OVER (PARTITION BY t.agent_id, t.grp) AS last_queue
              FROM (SELECT u.agent_id, u.at, u.is_end, u.queue_name, u.wrap_up_ms, u.bucket,
                           SUM(1 - u.is_end) OVER (PARTITION BY u.agent_id ORDER BY u.at, u.is_end RANGE UNBOUNDED PRECEDING) AS grp
                    FROM (SELECT c.agent_id, c.occurred_at AS at, 0 AS is_end, c.queue_name, CAST(0 AS bigint) AS wrap_up_ms, CAST(0 AS bigint) AS bucket
                          FROM queue_event c
                          WHERE c.kind = 'completed' AND c.agent_id IS NOT NULL AND c.occurred_at >= @From AND c.occurred_at < @To
                          UNION ALL
                          SELECT w.user_id, n.occurred_at, 1, NULL, /**epoch-ms**/(n.occurred_at) - /**epoch-ms**/(w.occurred_at),
        """;

    private const string WrapUpRowsEnd = """

                          FROM agent_state_event w
                          JOIN agent_state_event n ON n.user_id = w.user_id AND n.version = w.version + 1
                          WHERE w.to_state = 'wrap-up' AND w.occurred_at >= @From AND w.occurred_at < @To) u) t) z
        WHERE z.is_end = 1
        """;

    // No WHERE on queue_name here: PostgreSQL would push it down and cost the single lookups for every row (and then
    // JIT-compile the statement, half a second); the caller skips the NULL rows.
    private const string WrapUpByQueueSql = $"""
        SELECT y.queue_name, CAST(SUM(y.wrap_up_ms) AS bigint) AS wrap_up_ms
        FROM ({WrapUpRowsStart}CAST(0 AS bigint){WrapUpRowsEnd}) y
        GROUP BY y.queue_name
        """;

    // SQLite answers the same per wrap-up, each by the (agent_id, occurred_at) index, in about two thirds of the time of
    // the windowed pass (0.2 s against 0.3 s for a day); PostgreSQL, without fresh statistics, scans the agent's whole
    // day for every wrap-up (5-8 s), so it and SQL Server take the windowed pass.
    private const string WrapUpQueue = """
        (SELECT MAX(c.queue_name) FROM queue_event c
         WHERE c.agent_id = w.user_id AND c.kind = 'completed'
           AND c.occurred_at = (SELECT MAX(c2.occurred_at) FROM queue_event c2
                                WHERE c2.agent_id = w.user_id AND c2.kind = 'completed' AND c2.occurred_at <= n.occurred_at))
        """;

    private const string WrapUpByQueueLookupSql = $"""
        SELECT y.queue_name, CAST(SUM(y.wrap_up_ms) AS bigint) AS wrap_up_ms
        FROM (SELECT {WrapUpQueue} AS queue_name, /**epoch-ms**/(n.occurred_at) - /**epoch-ms**/(w.occurred_at) AS wrap_up_ms
              FROM agent_state_event w
              JOIN agent_state_event n ON n.user_id = w.user_id AND n.version = w.version + 1
              WHERE w.to_state = 'wrap-up' AND w.occurred_at >= @From AND w.occurred_at < @To) y
        WHERE y.queue_name IS NOT NULL
        GROUP BY y.queue_name
        """;

    private const string IntervalWrapUpLookupSql = $"""
        SELECT y.queue_name, y.bucket, CAST(SUM(y.wrap_up_ms) AS bigint) AS wrap_up_ms
        FROM (SELECT {WrapUpQueue} AS queue_name, /**epoch-ms**/(n.occurred_at) - /**epoch-ms**/(w.occurred_at) AS wrap_up_ms,
                     (/**epoch-ms**/(w.occurred_at) + @ShiftMs) / @SizeMs AS bucket
              FROM agent_state_event w
              JOIN agent_state_event n ON n.user_id = w.user_id AND n.version = w.version + 1
              WHERE w.to_state = 'wrap-up' AND w.occurred_at >= @From AND w.occurred_at < @To) y
        WHERE y.queue_name IS NOT NULL AND (@Queue IS NULL OR y.queue_name = @Queue)
        GROUP BY y.queue_name, y.bucket
        """;

    private bool LooksUpEachWrapUp => dialect.Name == DatabaseProviders.Sqlite;

    public async Task<IReadOnlyDictionary<string, PeriodCounts>> QueueCountsAsync(DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        var parameters = new { From = from, To = to };
        await using var connection = await db.OpenAsync(cancellationToken);
        var counts = await connection.QueryAsync<CountRow>(new CommandDefinition(QueueCountsSql, parameters, cancellationToken: cancellationToken));
        var wrapUps = await connection.QueryAsync<WrapUpRow>(new CommandDefinition(dialect.Render(LooksUpEachWrapUp ? WrapUpByQueueLookupSql : WrapUpByQueueSql), parameters, cancellationToken: cancellationToken));
        var result = counts.ToDictionary(r => r.QueueName, r => r.ToCounts(), StringComparer.Ordinal);
        foreach (var wrap in wrapUps.Where(w => w.QueueName is not null))
        {
            var current = result.GetValueOrDefault(wrap.QueueName!) ?? PeriodCounts.Zero;
            result[wrap.QueueName!] = current with { WrapUpMs = current.WrapUpMs + wrap.WrapUpMs };
        }

        return result;
    }

    private const string IntervalCountsSql = $"""
        SELECT x.queue_name, x.bucket, {CountColumns}
        FROM (SELECT {EventColumns}, (/**epoch-ms**/(e.occurred_at) + @ShiftMs) / @SizeMs AS bucket
              FROM queue_event e LEFT JOIN call_queue q ON q.name = e.queue_name
              WHERE e.occurred_at >= @From AND e.occurred_at < @To AND (@Queue IS NULL OR e.queue_name = @Queue)) x
        GROUP BY x.queue_name, x.bucket
        """;

    private const string IntervalWrapUpSql = $"""
        SELECT y.queue_name, y.bucket, CAST(SUM(y.wrap_up_ms) AS bigint) AS wrap_up_ms
        FROM ({WrapUpRowsStart}(/**epoch-ms**/(w.occurred_at) + @ShiftMs) / @SizeMs{WrapUpRowsEnd}) y
        GROUP BY y.queue_name, y.bucket
        """;

    public async Task<IReadOnlyList<IntervalCounts>> QueueCountsByIntervalAsync(
        DateTime from, DateTime to, TimeSpan size, TimeSpan shift, string? queue, CancellationToken cancellationToken = default)
    {
        var parameters = new { From = from, To = to, SizeMs = (long)size.TotalMilliseconds, ShiftMs = (long)shift.TotalMilliseconds, Queue = queue };
        await using var connection = await db.OpenAsync(cancellationToken);
        var counts = await connection.QueryAsync<CountRow>(new CommandDefinition(dialect.Render(IntervalCountsSql), parameters, cancellationToken: cancellationToken));
        var wrapUps = await connection.QueryAsync<WrapUpRow>(new CommandDefinition(dialect.Render(LooksUpEachWrapUp ? IntervalWrapUpLookupSql : IntervalWrapUpSql), parameters, cancellationToken: cancellationToken));
        var result = counts.ToDictionary(r => (r.QueueName, r.Bucket), r => r.ToCounts());
        foreach (var wrap in wrapUps.Where(w => w.QueueName is not null && (queue is null || w.QueueName == queue)))
        {
            var key = (wrap.QueueName!, wrap.Bucket);
            var current = result.GetValueOrDefault(key) ?? PeriodCounts.Zero;
            result[key] = current with { WrapUpMs = current.WrapUpMs + wrap.WrapUpMs };
        }

        return result.Select(p => new IntervalCounts(p.Key.QueueName, p.Key.Bucket, p.Value)).ToList();
    }

    private const string WaitingSql = """
        SELECT queue_name, CAST(COUNT(*) AS bigint) AS waiting, MIN(COALESCE(queue_joined_at, enqueued_at)) AS oldest_since
        FROM queue_entry WHERE status IN ('waiting', 'offered')
        GROUP BY queue_name
        """;

    public async Task<IReadOnlyDictionary<string, (int Waiting, DateTime? OldestSince)>> WaitingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WaitingRow>(new CommandDefinition(WaitingSql, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.QueueName, r => ((int)r.Waiting, r.OldestSince), StringComparer.Ordinal);
    }

    // Open: every status but done, failed and cancelled (CallbackStatuses.IsOpen).
    private const string CallbacksPendingSql = """
        SELECT queue_name, CAST(COUNT(*) AS bigint) AS pending
        FROM callback_request WHERE status NOT IN ('done', 'failed', 'cancelled')
        GROUP BY queue_name
        """;

    public async Task<IReadOnlyDictionary<string, int>> CallbacksPendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PendingRow>(new CommandDefinition(CallbacksPendingSql, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.QueueName, r => (int)r.Pending, StringComparer.Ordinal);
    }

    // Two parts: each change inside the period holds its new state until the agent's next change (version + 1) or the
    // period's end; the first change inside it also closes the state held since before the period began.
    private const string AgentStateTimesSql = """
        SELECT s.user_id, s.to_state AS state,
               CAST(SUM(CASE WHEN n.occurred_at IS NULL OR n.occurred_at > @To THEN @ToMs ELSE /**epoch-ms**/(n.occurred_at) END
                        - /**epoch-ms**/(s.occurred_at)) AS bigint) AS ms
        FROM agent_state_event s LEFT JOIN agent_state_event n ON n.user_id = s.user_id AND n.version = s.version + 1
        WHERE s.occurred_at >= @From AND s.occurred_at < @To
        GROUP BY s.user_id, s.to_state
        UNION ALL
        SELECT f.user_id, f.from_state AS state, CAST(SUM(/**epoch-ms**/(f.occurred_at) - @FromMs) AS bigint) AS ms
        FROM agent_state_event f LEFT JOIN agent_state_event p ON p.user_id = f.user_id AND p.version = f.version - 1
        WHERE f.occurred_at >= @From AND f.occurred_at < @To AND (p.id IS NULL OR p.occurred_at < @From)
        GROUP BY f.user_id, f.from_state
        """;

    public async Task<IReadOnlyDictionary<Guid, AgentStateTimes>> AgentStateTimesAsync(DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        var parameters = new { From = from, To = to, FromMs = EpochMs(from), ToMs = EpochMs(to) };
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StateRow>(new CommandDefinition(dialect.Render(AgentStateTimesSql), parameters, cancellationToken: cancellationToken));
        var result = new Dictionary<Guid, AgentStateTimes>();
        foreach (var row in rows)
        {
            var state = SafeState(row.State);
            result[row.UserId] = (result.GetValueOrDefault(row.UserId) ?? AgentStateTimes.Zero).Plus(state, TimeSpan.FromMilliseconds(Math.Max(0, row.Ms)));
        }

        return result;
    }

    private const string StatesHeldAtSql = """
        SELECT f.user_id, f.from_state AS state
        FROM agent_state_event f
        JOIN (SELECT user_id, MIN(version) AS version FROM agent_state_event WHERE occurred_at >= @At GROUP BY user_id) m
          ON m.user_id = f.user_id AND m.version = f.version
        """;

    public async Task<IReadOnlyDictionary<Guid, AgentState>> StatesHeldAtAsync(DateTime at, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StateRow>(new CommandDefinition(StatesHeldAtSql, new { At = at }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.UserId, r => SafeState(r.State));
    }

    private const string HandledSql = """
        SELECT agent_id, CAST(COUNT(*) AS bigint) AS handled
        FROM queue_event WHERE kind = 'completed' AND agent_id IS NOT NULL AND occurred_at >= @From AND occurred_at < @To
        GROUP BY agent_id
        """;

    public async Task<IReadOnlyDictionary<Guid, int>> HandledAsync(DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HandledRow>(new CommandDefinition(HandledSql, new { From = from, To = to }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.AgentId, r => (int)r.Handled);
    }

    internal static long EpochMs(DateTime utc) => (long)(DateTime.SpecifyKind(utc, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMilliseconds;

    private static AgentState SafeState(string code)
    {
        try
        {
            return AgentStates.Parse(code);
        }
        catch (ArgumentOutOfRangeException)
        {
            return AgentState.Offline;
        }
    }

    private sealed record CountRow
    {
        public string QueueName { get; init; } = "";
        public long Bucket { get; init; }
        public long Offered { get; init; }
        public long Answered { get; init; }
        public long AnsweredWithinThreshold { get; init; }
        public long Abandoned { get; init; }
        public long ShortAbandoned { get; init; }
        public long TimedOut { get; init; }
        public long Overflowed { get; init; }
        public long CallbacksRequested { get; init; }
        public long AnswerWaitMs { get; init; }
        public long? LongestWaitMs { get; init; }
        public long Completed { get; init; }
        public long TalkMs { get; init; }

        public PeriodCounts ToCounts() => new()
        {
            Offered = Offered, Answered = Answered, AnsweredWithinThreshold = AnsweredWithinThreshold, Abandoned = Abandoned,
            ShortAbandoned = ShortAbandoned, TimedOut = TimedOut, Overflowed = Overflowed, CallbacksRequested = CallbacksRequested,
            AnswerWaitMs = AnswerWaitMs, LongestWaitMs = LongestWaitMs, Completed = Completed, TalkMs = TalkMs,
        };
    }

    private sealed record WrapUpRow
    {
        public string? QueueName { get; init; }
        public long Bucket { get; init; }
        public long WrapUpMs { get; init; }
    }

    private sealed record WaitingRow
    {
        public string QueueName { get; init; } = "";
        public long Waiting { get; init; }
        public DateTime? OldestSince { get; init; }
    }

    private sealed record PendingRow
    {
        public string QueueName { get; init; } = "";
        public long Pending { get; init; }
    }

    private sealed record StateRow
    {
        public Guid UserId { get; init; }
        public string State { get; init; } = "";
        public long Ms { get; init; }
    }

    private sealed record HandledRow
    {
        public Guid AgentId { get; init; }
        public long Handled { get; init; }
    }
}
