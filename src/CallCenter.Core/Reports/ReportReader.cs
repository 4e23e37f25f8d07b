using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Reports;

internal sealed class ReportReader(IDbConnectionFactory db, ISqlDialect dialect) : IReportReader
{
    private const string AgentCallsSql = """
        SELECT x.agent_id, x.bucket, CAST(COUNT(*) AS bigint) AS handled, CAST(SUM(COALESCE(x.talk_ms, 0)) AS bigint) AS talk_ms
        FROM (SELECT e.agent_id, e.talk_ms, (/**epoch-ms**/(e.occurred_at) + @ShiftMs) / @SizeMs AS bucket
              FROM queue_event e
              WHERE e.kind = 'completed' AND e.agent_id IS NOT NULL AND e.occurred_at >= @From AND e.occurred_at < @To
                AND (@Agent IS NULL OR e.agent_id = @Agent)) x
        GROUP BY x.agent_id, x.bucket
        """;

    public async Task<IReadOnlyList<(Guid AgentId, long Interval, long Handled, long TalkMs)>> AgentCallsAsync(
        DateTime from, DateTime to, TimeSpan size, TimeSpan shift, Guid? agent, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CallsRow>(new CommandDefinition(
            dialect.Render(AgentCallsSql), Parameters(from, to, size, shift, agent), cancellationToken: cancellationToken));
        return rows.Select(r => (r.AgentId, r.Bucket, r.Handled, r.TalkMs)).ToList();
    }

    private const string AgentWrapUpsSql = """
        SELECT y.user_id, y.bucket, CAST(SUM(y.wrap_up_ms) AS bigint) AS wrap_up_ms
        FROM (SELECT w.user_id, /**epoch-ms**/(n.occurred_at) - /**epoch-ms**/(w.occurred_at) AS wrap_up_ms,
                     (/**epoch-ms**/(w.occurred_at) + @ShiftMs) / @SizeMs AS bucket
              FROM agent_state_event w
              JOIN agent_state_event n ON n.user_id = w.user_id AND n.version = w.version + 1
              WHERE w.to_state = 'wrap-up' AND w.occurred_at >= @From AND w.occurred_at < @To
                AND (@Agent IS NULL OR w.user_id = @Agent)) y
        GROUP BY y.user_id, y.bucket
        """;

    public async Task<IReadOnlyList<(Guid AgentId, long Interval, long WrapUpMs)>> AgentWrapUpsAsync(
        DateTime from, DateTime to, TimeSpan size, TimeSpan shift, Guid? agent, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<WrapUpRow>(new CommandDefinition(
            dialect.Render(AgentWrapUpsSql), Parameters(from, to, size, shift, agent), cancellationToken: cancellationToken));
        return rows.Select(r => (r.UserId, r.Bucket, r.WrapUpMs)).ToList();
    }

    // As the wallboard's state times: each change in the range starts a stretch ending at the agent's next change
    // (version + 1); the first change in the range also ends the stretch held since before it began.
    private const string SegmentsSql = """
        SELECT s.user_id, s.to_state AS state, /**epoch-ms**/(s.occurred_at) AS start_ms, /**epoch-ms**/(n.occurred_at) AS end_ms
        FROM agent_state_event s LEFT JOIN agent_state_event n ON n.user_id = s.user_id AND n.version = s.version + 1
        WHERE s.occurred_at >= @From AND s.occurred_at < @To AND (@Agent IS NULL OR s.user_id = @Agent)
        UNION ALL
        SELECT f.user_id, f.from_state AS state, @FromMs AS start_ms, /**epoch-ms**/(f.occurred_at) AS end_ms
        FROM agent_state_event f LEFT JOIN agent_state_event p ON p.user_id = f.user_id AND p.version = f.version - 1
        WHERE f.occurred_at >= @From AND f.occurred_at < @To AND (p.id IS NULL OR p.occurred_at < @From)
          AND (@Agent IS NULL OR f.user_id = @Agent)
        """;

    public async IAsyncEnumerable<AgentStateSegment> SegmentsAsync(DateTime from, DateTime to, Guid? agent)
    {
        await using var connection = await db.OpenAsync();
        var parameters = new { From = from, To = to, FromMs = EpochMs(from), Agent = agent };
        await foreach (var segment in connection.QueryUnbufferedAsync<AgentStateSegment>(dialect.Render(SegmentsSql), parameters))
        {
            yield return segment;
        }
    }

    private const string StateBeforeFirstChangeAfterSql = """
        SELECT f.user_id, f.from_state AS state
        FROM agent_state_event f
        JOIN (SELECT user_id, MIN(version) AS version FROM agent_state_event WHERE occurred_at >= @To GROUP BY user_id) m
          ON m.user_id = f.user_id AND m.version = f.version
        """;

    public async Task<IReadOnlyDictionary<Guid, string>> StateBeforeFirstChangeAfterAsync(DateTime to, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StateRow>(new CommandDefinition(StateBeforeFirstChangeAfterSql, new { To = to }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.UserId, r => r.State);
    }

    internal static long EpochMs(DateTime utc) => (long)(DateTime.SpecifyKind(utc, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMilliseconds;

    private static object Parameters(DateTime from, DateTime to, TimeSpan size, TimeSpan shift, Guid? agent) =>
        new { From = from, To = to, SizeMs = (long)size.TotalMilliseconds, ShiftMs = (long)shift.TotalMilliseconds, Agent = agent };

    private sealed record CallsRow
    {
        public Guid AgentId { get; init; }
        public long Bucket { get; init; }
        public long Handled { get; init; }
        public long TalkMs { get; init; }
    }

    private sealed record WrapUpRow
    {
        public Guid UserId { get; init; }
        public long Bucket { get; init; }
        public long WrapUpMs { get; init; }
    }

    private sealed record StateRow
    {
        public Guid UserId { get; init; }
        public string State { get; init; } = "";
    }
}
