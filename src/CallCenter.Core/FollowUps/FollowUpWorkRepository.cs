using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.FollowUps;

internal sealed class FollowUpWorkRepository(IDbConnectionFactory db, ISqlDialect dialect) : IFollowUpWorkRepository
{
    private const string Columns = """
        f.id, f.kind, f.call_sid, f.patient_id, f.caller_number, f.recording_url, f.duration_seconds, f.category, f.language, f.status, f.created_at,
        f.survey_invitation_id, f.note, f.queue_name, f.department_id, f.due_at, f.assigned_user_id, f.appointment_id, f.plan_step, f.survey_key,
        f.outcome, f.attempts, f.completed_at
        """;

    private const string ExistsSql = "SELECT COUNT(*) FROM follow_up WHERE call_sid = @CallSid AND recording_url = @RecordingUrl";

    private const string InsertSql = """
        INSERT INTO follow_up (id, kind, call_sid, patient_id, caller_number, recording_url, duration_seconds, category, language, status, created_at,
            survey_invitation_id, note, queue_name, department_id, due_at, assigned_user_id, appointment_id, plan_step, survey_key, attempts)
        VALUES (@Id, @Kind, @CallSid, @PatientId, @CallerNumber, @RecordingUrl, @DurationSeconds, @Category, @Language, @Status, @CreatedAt,
            @SurveyInvitationId, @Note, @QueueName, @DepartmentId, @DueAt, @AssignedUserId, @AppointmentId, @PlanStep, @SurveyKey, 0)
        """;

    public async Task<bool> AddPlannedAsync(FollowUp followUp, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        ArgumentNullException.ThrowIfNull(connection);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(ExistsSql, new { followUp.CallSid, followUp.RecordingUrl }, transaction, cancellationToken: cancellationToken)) > 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(InsertSql, followUp, transaction, cancellationToken: cancellationToken));
        return true;
    }

    private const string PatientSql = """
        SELECT p.assigned_user_id, p.preferred_language,
            (SELECT MIN(ph.e164) FROM patient_phone ph WHERE ph.patient_id = p.id AND ph.kind = 'mobile') AS mobile
        FROM patient p WHERE p.id = @PatientId
        """;

    public async Task<(Guid? AssignedUserId, string? Mobile, string? Language)> PatientAsync(Guid patientId, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var row = await connection.QuerySingleOrDefaultAsync<PatientRow>(new CommandDefinition(PatientSql, new { PatientId = patientId }, transaction, cancellationToken: cancellationToken));
        return (row?.AssignedUserId, row?.Mobile, row?.PreferredLanguage);
    }

    private const string ListSql = $"""
        SELECT {Columns}
        FROM follow_up f LEFT JOIN patient p ON p.id = f.patient_id
        WHERE (@Status IS NULL OR f.status = @Status)
          AND (@Kind IS NULL OR f.kind = @Kind)
          AND (@DepartmentId IS NULL OR f.department_id = @DepartmentId)
          AND (@QueueName IS NULL OR f.queue_name = @QueueName)
          AND (@AssignedUserId IS NULL OR f.assigned_user_id = @AssignedUserId)
          AND (@DueBefore IS NULL OR COALESCE(f.due_at, f.created_at) < @DueBefore)
          AND (@ScopeUserId IS NULL OR (f.kind <> 'service-recovery'
              AND (f.assigned_user_id IS NULL OR f.assigned_user_id = @ScopeUserId)
              AND (p.assigned_user_id IS NULL OR p.assigned_user_id = @ScopeUserId)))
        ORDER BY COALESCE(f.due_at, f.created_at), f.id
        {SqlMarkers.Page}
        """;

    public async Task<Page<FollowUp>> ListAsync(FollowUpQuery query, Guid? scopeUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new DynamicParameters(new { query.Page.Skip, Take = query.Page.Take + 1 })
            .AddFilter("Status", query.Status)
            .AddFilter("Kind", query.Kind)
            .AddFilter("DepartmentId", query.DepartmentId)
            .AddFilter("QueueName", query.QueueName)
            .AddFilter("AssignedUserId", query.AssignedUserId)
            .AddFilter("DueBefore", query.DueBefore)
            .AddFilter("ScopeUserId", scopeUserId);
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FollowUp>(new CommandDefinition(dialect.Render(ListSql), parameters, cancellationToken: cancellationToken));
        return Pages.FromOverfetch(rows.AsList(), query.Page);
    }

    private const string FindSql = $"SELECT {Columns} FROM follow_up f WHERE f.id = @Id";

    public async Task<FollowUp?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<FollowUp>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: cancellationToken));
    }

    private const string MoveSql = """
        UPDATE follow_up SET status = @Status, outcome = @Outcome, attempts = @Attempts, due_at = COALESCE(@DueAt, due_at), completed_at = @CompletedAt
        WHERE id = @Id AND status = 'open' AND COALESCE(attempts, 0) = @ExpectedAttempts
        """;

    private const string InsertAttemptSql = """
        INSERT INTO follow_up_attempt (id, follow_up_id, user_id, outcome, note, next_attempt_at, created_at)
        VALUES (@Id, @FollowUpId, @UserId, @Outcome, @Note, @NextAttemptAt, @CreatedAt)
        """;

    public async Task<bool> RecordAsync(FollowUpAttempt attempt, string status, DateTime? dueAt, int expectedAttempts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new DynamicParameters(new
        {
            Id = attempt.FollowUpId,
            Status = status,
            attempt.Outcome,
            Attempts = expectedAttempts + 1,
            ExpectedAttempts = expectedAttempts,
        })
            .AddFilter("DueAt", dueAt)
            .AddFilter("CompletedAt", status == FollowUpStatuses.Open ? null : attempt.CreatedAt);
        if (await connection.ExecuteAsync(new CommandDefinition(MoveSql, parameters, transaction, cancellationToken: cancellationToken)) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(InsertAttemptSql, attempt, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private const string AttemptsSql = """
        SELECT id, follow_up_id, user_id, outcome, note, next_attempt_at, created_at FROM follow_up_attempt WHERE follow_up_id = @FollowUpId ORDER BY created_at, id
        """;

    public async Task<IReadOnlyList<FollowUpAttempt>> AttemptsAsync(Guid followUpId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AttemptRow>(new CommandDefinition(AttemptsSql, new { FollowUpId = followUpId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new FollowUpAttempt(r.Id, r.FollowUpId, r.UserId, r.Outcome, r.Note, r.NextAttemptAt, r.CreatedAt))];
    }

    private const string ReportSql = """
        SELECT f.department_id,
            SUM(CASE WHEN f.status = 'open' AND COALESCE(f.due_at, f.created_at) <= @Now AND COALESCE(f.due_at, f.created_at) >= @OverdueBefore THEN 1 ELSE 0 END) AS due,
            SUM(CASE WHEN f.status = 'open' AND COALESCE(f.due_at, f.created_at) < @OverdueBefore THEN 1 ELSE 0 END) AS overdue,
            SUM(CASE WHEN f.status <> 'open' THEN 1 ELSE 0 END) AS done,
            SUM(CASE WHEN f.attempts > 0 THEN 1 ELSE 0 END) AS attempted,
            SUM(CASE WHEN f.outcome = 'reached' OR f.outcome = 'needs-doctor' THEN 1 ELSE 0 END) AS reached,
            SUM(CASE WHEN f.outcome = 'needs-doctor' THEN 1 ELSE 0 END) AS problems_found
        FROM follow_up f
        WHERE f.department_id IS NOT NULL
          AND (@DepartmentId IS NULL OR f.department_id = @DepartmentId)
          AND (@From IS NULL OR COALESCE(f.due_at, f.created_at) >= @From)
          AND (@To IS NULL OR COALESCE(f.due_at, f.created_at) < @To)
        GROUP BY f.department_id
        ORDER BY f.department_id
        """;

    public async Task<IReadOnlyList<FollowUpDepartmentReport>> ReportAsync(Guid? departmentId, DateTime? fromUtc, DateTime? toUtc, DateTime now, CancellationToken cancellationToken = default)
    {
        var parameters = new DynamicParameters(new { Now = now, OverdueBefore = now.AddDays(-1) })
            .AddFilter("DepartmentId", departmentId)
            .AddFilter("From", fromUtc)
            .AddFilter("To", toUtc);
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FollowUpDepartmentReport>(new CommandDefinition(ReportSql, parameters, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private sealed record PatientRow
    {
        public Guid? AssignedUserId { get; init; }
        public string? PreferredLanguage { get; init; }
        public string? Mobile { get; init; }
    }

    private sealed record AttemptRow
    {
        public Guid Id { get; init; }
        public Guid FollowUpId { get; init; }
        public Guid UserId { get; init; }
        public string Outcome { get; init; } = "";
        public string? Note { get; init; }
        public DateTime? NextAttemptAt { get; init; }
        public DateTime CreatedAt { get; init; }
    }
}
