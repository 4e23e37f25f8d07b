using System.Data.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.FollowUps;

internal sealed class FollowUpRepository(IDbConnectionFactory db, ISqlDialect dialect) : IFollowUpRepository
{
    private const string InsertSql = """
        INSERT INTO follow_up (id, kind, call_sid, patient_id, caller_number, recording_url, duration_seconds, category, language, status, created_at,
            survey_invitation_id, note, queue_name, department_id, due_at, assigned_user_id, appointment_id, plan_step, survey_key, attempts)
        VALUES (@Id, @Kind, @CallSid, @PatientId, @CallerNumber, @RecordingUrl, @DurationSeconds, @Category, @Language, @Status, @CreatedAt,
            @SurveyInvitationId, @Note, @QueueName, @DepartmentId, @DueAt, @AssignedUserId, @AppointmentId, @PlanStep, @SurveyKey, 0)
        """;

    private const string FindIdSql = "SELECT id FROM follow_up WHERE call_sid = @CallSid AND recording_url = @RecordingUrl";

    public async Task<Guid> AddAsync(FollowUp followUp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, followUp, cancellationToken: cancellationToken));
            return followUp.Id;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            // Twilio redelivers recording callbacks: the first stored voicemail stands.
            return await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(
                FindIdSql, new { followUp.CallSid, followUp.RecordingUrl }, cancellationToken: cancellationToken));
        }
    }

    private const string ForCallSql = """
        SELECT id, kind, call_sid, patient_id, caller_number, recording_url, duration_seconds, category, language, status, created_at,
            survey_invitation_id, note, queue_name, department_id, due_at, assigned_user_id, appointment_id, plan_step, survey_key, outcome, attempts, completed_at
        FROM follow_up WHERE call_sid = @CallSid ORDER BY created_at, id
        """;

    public async Task<IReadOnlyList<FollowUp>> ForCallAsync(string callSid, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FollowUp>(new CommandDefinition(ForCallSql, new { CallSid = callSid }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
