using CallCenter.Core.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Callbacks;

internal sealed class CallbackRepository(IDbConnectionFactory db, ISqlDialect dialect) : ICallbackRepository
{
    private const string Columns = """
        c.id, c.call_sid, c.queue_name, c.number, c.patient_id, c.language, c.priority, c.place_enqueued_at, c.status,
        c.created_at, c.place_at, c.source, c.due_at, c.reason, c.agent_id, c.scheduled_callback_id, c.attempts,
        c.last_outcome, c.dial_call_sid, c.claim_token, c.claimed_at, c.version, c.updated_at
        """;

    private const string InsertSql = """
        INSERT INTO callback_request (id, call_sid, queue_name, number, patient_id, language, priority, place_enqueued_at, status,
                                      created_at, place_at, source, due_at, reason, agent_id, scheduled_callback_id, attempts, version, updated_at)
        VALUES (@Id, @CallSid, @QueueName, @Number, @PatientId, @Language, @Priority, @PlaceEnqueuedAt, @Status,
                @CreatedAt, @PlaceAt, @Source, @DueAt, @Reason, @AgentId, @ScheduledCallbackId, 0, 0, @CreatedAt)
        """;

    public async Task AddAsync(Callback callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, callback, cancellationToken: cancellationToken));
    }

    private const string FindSql = $"""
        SELECT {Columns}, q.callback_mode, p.time_zone AS patient_time_zone
        FROM callback_request c JOIN call_queue q ON q.name = c.queue_name LEFT JOIN patient p ON p.id = c.patient_id
        WHERE c.id = @Id
        """;

    public async Task<Callback?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Callback>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: cancellationToken));
    }

    // Due: scheduled and its time has come, or claimed by a job run that died before deciding (the lease ran out).
    private const string DueSql = $"""
        SELECT id, version FROM callback_request
        WHERE (status = 'scheduled' AND (due_at IS NULL OR due_at <= @Now)) OR (status = 'claimed' AND claimed_at < @StaleBefore)
        ORDER BY due_at, id
        {SqlMarkers.Page}
        """;

    public async Task<IReadOnlyList<(Guid Id, int Version)>> DueAsync(DateTime now, DateTime staleBefore, int take, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DueRow>(new CommandDefinition(
            dialect.Render(DueSql), new { Now = now, StaleBefore = staleBefore, Skip = 0, Take = take }, cancellationToken: cancellationToken));
        return rows.Select(r => (r.Id, r.Version)).ToList();
    }

    // The claim: one conditional update. Two claimers that read the same version both try; the database lets one
    // through and the other's WHERE no longer matches (the version moved), so it changes nothing.
    private const string ClaimSql = """
        UPDATE callback_request
        SET status = 'claimed', claim_token = @Token, claimed_at = @Now, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
          AND ((status = 'scheduled' AND (due_at IS NULL OR due_at <= @Now)) OR (status = 'claimed' AND claimed_at < @StaleBefore))
        """;

    public async Task<bool> TryClaimAsync(Guid id, int version, Guid token, DateTime now, DateTime staleBefore, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            ClaimSql, new { Id = id, Version = version, Token = token, Now = now, StaleBefore = staleBefore }, cancellationToken: cancellationToken));
        return changed == 1;
    }

    // The batch claim: the due condition again on the outer UPDATE, so a row another claimer changed meanwhile (on
    // PostgreSQL the update waits for its lock and then re-checks the condition on the new row) is left out.
    private const string ClaimDueSql = $"""
        UPDATE callback_request
        SET status = 'claimed', claim_token = @Token, claimed_at = @Now, version = version + 1, updated_at = @Now
        WHERE id IN (
                SELECT id FROM callback_request
                WHERE (status = 'scheduled' AND (due_at IS NULL OR due_at <= @Now)) OR (status = 'claimed' AND claimed_at < @StaleBefore)
                ORDER BY due_at, id
                {SqlMarkers.Page})
          AND ((status = 'scheduled' AND (due_at IS NULL OR due_at <= @Now)) OR (status = 'claimed' AND claimed_at < @StaleBefore))
        """;

    public async Task<int> ClaimDueAsync(Guid token, DateTime now, DateTime staleBefore, int take, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            dialect.Render(ClaimDueSql), new { Token = token, Now = now, StaleBefore = staleBefore, Skip = 0, Take = take }, cancellationToken: cancellationToken));
    }

    // In flight: customer-first dialling, or agent-first assigned once the desk has counted the attempt (dial_call_sid
    // set, 'placing' until the carrier answers the create).
    private const string DialsInFlightSql = $"""
        SELECT id, attempts AS attempt, status, number, CASE WHEN dial_call_sid = 'placing' THEN NULL ELSE dial_call_sid END AS call_sid,
               updated_at AS started_at
        FROM callback_request
        WHERE (status = 'dialling' OR (status = 'assigned' AND dial_call_sid IS NOT NULL))
          AND COALESCE(dial_checked_at, updated_at) < @Before
        ORDER BY updated_at, id
        {SqlMarkers.Page}
        """;

    public async Task<IReadOnlyList<DialInFlight>> DialsInFlightAsync(DateTime before, int take, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DialInFlight>(new CommandDefinition(
            dialect.Render(DialsInFlightSql), new { Before = before, Skip = 0, Take = take }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string MarkDialCheckedSql = """
        UPDATE callback_request SET dial_checked_at = @Now
        WHERE id = @Id AND attempts = @Attempt AND status IN ('assigned', 'dialling')
        """;

    public async Task<bool> MarkDialCheckedAsync(Guid id, int attempt, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(MarkDialCheckedSql, new { Id = id, Attempt = attempt, Now = now }, cancellationToken: cancellationToken)) == 1;
    }

    private const string ClaimedSql = $"""
        SELECT {Columns}, q.callback_mode, p.time_zone AS patient_time_zone
        FROM callback_request c JOIN call_queue q ON q.name = c.queue_name LEFT JOIN patient p ON p.id = c.patient_id
        WHERE c.claim_token = @Token AND c.status = 'claimed'
        ORDER BY c.due_at, c.id
        """;

    public async Task<IReadOnlyList<Callback>> ClaimedAsync(Guid token, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Callback>(new CommandDefinition(ClaimedSql, new { Token = token }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string ReleaseSql = """
        UPDATE callback_request
        SET status = @Status, due_at = COALESCE(@DueAt, due_at), claim_token = NULL, claimed_at = NULL, version = version + 1, updated_at = @Now
        WHERE id = @Id AND claim_token = @Token AND status = 'claimed'
        """;

    public async Task<bool> ReleaseAsync(Guid id, Guid token, string status, DateTime? dueAt, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new DynamicParameters(new { Id = id, Token = token, Status = status, Now = now }).AddFilter("DueAt", dueAt);
        return await connection.ExecuteAsync(new CommandDefinition(ReleaseSql, parameters, cancellationToken: cancellationToken)) == 1;
    }

    private const string StartDialSql = """
        UPDATE callback_request
        SET status = 'dialling', attempts = attempts + 1, dial_call_sid = NULL, dial_checked_at = NULL, version = version + 1, updated_at = @Now
        WHERE id = @Id AND claim_token = @Token AND status = 'claimed'
        """;

    public async Task<bool> StartDialAsync(Guid id, Guid token, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(StartDialSql, new { Id = id, Token = token, Now = now }, cancellationToken: cancellationToken)) == 1;
    }

    // An assigned callback whose current attempt has no call yet: a repeated connect of the same offer finds the
    // call already placed (dial_call_sid set) and counts nothing.
    private const string StartDeskDialSql = """
        UPDATE callback_request
        SET attempts = attempts + 1, dial_call_sid = 'placing', dial_checked_at = NULL, version = version + 1, updated_at = @Now
        WHERE id = @Id AND status = 'assigned' AND dial_call_sid IS NULL
        """;

    private const string AttemptsSql = "SELECT attempts FROM callback_request WHERE id = @Id";

    public async Task<int?> StartDeskDialAsync(Guid id, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(StartDeskDialSql, new { Id = id, Now = now }, cancellationToken: cancellationToken)) != 1)
        {
            return null;
        }

        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(AttemptsSql, new { Id = id }, cancellationToken: cancellationToken));
    }

    private const string RecordDialSql = """
        UPDATE callback_request SET dial_call_sid = @CallSid
        WHERE id = @Id AND attempts = @Attempt AND status IN ('assigned', 'dialling')
        """;

    public async Task RecordDialAsync(Guid id, int attempt, string callSid, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RecordDialSql, new { Id = id, Attempt = attempt, CallSid = callSid }, cancellationToken: cancellationToken));
    }

    private const string EndAttemptSql = """
        UPDATE callback_request
        SET status = @Status, last_outcome = @Outcome, due_at = COALESCE(@DueAt, due_at),
            dial_call_sid = CASE WHEN @Status = 'scheduled' THEN NULL ELSE dial_call_sid END,
            claim_token = NULL, claimed_at = NULL, dial_checked_at = NULL, version = version + 1, updated_at = @Now
        WHERE id = @Id AND attempts = @Attempt AND status IN ('assigned', 'dialling')
        """;

    public async Task<bool> EndAttemptAsync(Guid id, int attempt, string outcome, string status, DateTime? dueAt, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new DynamicParameters(new { Id = id, Attempt = attempt, Outcome = outcome, Status = status, Now = now }).AddFilter("DueAt", dueAt);
        return await connection.ExecuteAsync(new CommandDefinition(EndAttemptSql, parameters, cancellationToken: cancellationToken)) == 1;
    }

    // Each filter is optional: "@X IS NULL OR column = @X" keeps one statement valid on every engine.
    private const string ListSql = $"""
        SELECT {Columns}, q.callback_mode
        FROM callback_request c JOIN call_queue q ON q.name = c.queue_name
        WHERE (@Status IS NULL OR c.status = @Status)
          AND (@Queue IS NULL OR c.queue_name = @Queue)
          AND (@AgentId IS NULL OR c.agent_id = @AgentId)
          AND (@DueFrom IS NULL OR c.due_at >= @DueFrom)
          AND (@DueTo IS NULL OR c.due_at < @DueTo)
        ORDER BY c.created_at DESC, c.id DESC
        {SqlMarkers.Page}
        """;

    public async Task<Page<Callback>> ListAsync(CallbackQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new DynamicParameters(new { page.Skip, Take = page.Take + 1 })
            .AddFilter(nameof(query.Status), query.Status)
            .AddFilter(nameof(query.Queue), query.Queue)
            .AddFilter(nameof(query.AgentId), query.AgentId)
            .AddFilter(nameof(query.DueFrom), query.DueFrom)
            .AddFilter(nameof(query.DueTo), query.DueTo);
        var rows = await connection.QueryAsync<Callback>(new CommandDefinition(dialect.Render(ListSql), parameters, cancellationToken: cancellationToken));
        return Pages.FromOverfetch(rows.AsList(), page);
    }

    private const string ForAgentSql = $"""
        SELECT {Columns}, q.callback_mode
        FROM callback_request c JOIN call_queue q ON q.name = c.queue_name
        WHERE c.agent_id = @AgentId AND c.status NOT IN ('done', 'failed', 'cancelled')
        ORDER BY c.due_at, c.id
        {SqlMarkers.Page}
        """;

    public async Task<IReadOnlyList<Callback>> ForAgentAsync(Guid agentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Callback>(new CommandDefinition(
            dialect.Render(ForAgentSql), new { AgentId = agentId, Skip = 0, Take = 100 }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string ReassignSql = """
        UPDATE callback_request SET agent_id = @AgentId, version = version + 1, updated_at = @Now
        WHERE id = @Id AND status NOT IN ('done', 'failed', 'cancelled')
        """;

    public async Task<bool> ReassignAsync(Guid id, Guid agentId, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(ReassignSql, new { Id = id, AgentId = agentId, Now = now }, cancellationToken: cancellationToken)) == 1;
    }

    private sealed class DueRow
    {
        public Guid Id { get; init; }
        public int Version { get; init; }
    }
}
