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
    private const string WrapUpQueue = """
        (SELECT MAX(c.queue_name) FROM queue_event c
         WHERE c.agent_id = w.user_id AND c.kind = 'completed'
           AND c.occurred_at = (SELECT MAX(c2.occurred_at) FROM queue_event c2
                                WHERE c2.agent_id = w.user_id AND c2.kind = 'completed' AND c2.occurred_at <= n.occurred_at))
        """;

    private const string WrapUpByQueueSql = $"""
        SELECT y.queue_name, CAST(SUM(y.wrap_up_ms) AS bigint) AS wrap_up_ms
        FROM (SELECT {WrapUpQueue} AS queue_name, /**epoch-ms**/(n.occurred_at) - /**epoch-ms**/(w.occurred_at) AS wrap_up_ms
              FROM agent_state_event w
              JOIN agent_state_event n ON n.user_id = w.user_id AND n.version = w.version + 1
              WHERE w.to_state = 'wrap-up' AND w.occurred_at >= @From AND w.occurred_at < @To) y
        WHERE y.queue_name IS NOT NULL
        GROUP BY y.queue_name
        """;

    public async Task<IReadOnlyDictionary<string, PeriodCounts>> QueueCountsAsync(DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        var parameters = new { From = from, To = to };
        await using var connection = await db.OpenAsync(cancellationToken);
        var counts = await connection.QueryAsync<CountRow>(new CommandDefinition(QueueCountsSql, parameters, cancellationToken: cancellationToken));
        var wrapUps = await connection.QueryAsync<WrapUpRow>(new CommandDefinition(dialect.Render(WrapUpByQueueSql), parameters, cancellationToken: cancellationToken));
        var result = counts.ToDictionary(r => r.QueueName, r => r.ToCounts(), StringComparer.Ordinal);
        foreach (var wrap in wrapUps)
        {
            var current = result.GetValueOrDefault(wrap.QueueName) ?? PeriodCounts.Zero;
            result[wrap.QueueName] = current with { WrapUpMs = current.WrapUpMs + wrap.WrapUpMs };
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
        FROM (SELECT {WrapUpQueue} AS queue_name, /**epoch-ms**/(n.occurred_at) - /**epoch-ms**/(w.occurred_at) AS wrap_up_ms,
                     (/**epoch-ms**/(w.occurred_at) + @ShiftMs) / @SizeMs AS bucket
              FROM agent_state_event w
              JOIN agent_state_event n ON n.user_id = w.user_id AND n.version = w.version + 1
              WHERE w.to_state = 'wrap-up' AND w.occurred_at >= @From AND w.occurred_at < @To) y
        WHERE y.queue_name IS NOT NULL AND (@Queue IS NULL OR y.queue_name = @Queue)
        GROUP BY y.queue_name, y.bucket
        """;

    public async Task<IReadOnlyList<IntervalCounts>> QueueCountsByIntervalAsync(
        DateTime from, DateTime to, TimeSpan size, TimeSpan shift, string? queue, CancellationToken cancellationToken = default)
    {
        var parameters = new { From = from, To = to, SizeMs = (long)size.TotalMilliseconds, ShiftMs = (long)shift.TotalMilliseconds, Queue = queue };
        await using var connection = await db.OpenAsync(cancellationToken);
        var counts = await connection.QueryAsync<CountRow>(new CommandDefinition(dialect.Render(IntervalCountsSql), parameters, cancellationToken: cancellationToken));
        var wrapUps = await connection.QueryAsync<WrapUpRow>(new CommandDefinition(dialect.Render(IntervalWrapUpSql), parameters, cancellationToken: cancellationToken));
        var result = counts.ToDictionary(r => (r.QueueName, r.Bucket), r => r.ToCounts());
        foreach (var wrap in wrapUps)
        {
            var key = (wrap.QueueName, wrap.Bucket);
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
        public string QueueName { get; init; } = "";
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
