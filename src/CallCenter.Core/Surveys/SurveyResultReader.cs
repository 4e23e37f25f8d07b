using CallCenter.Core.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Surveys;

internal sealed class SurveyResultReader(IDbConnectionFactory db, ISqlDialect dialect) : ISurveyResultReader
{
    private const string ListSql = $"""
        SELECT a.id AS answer_id, a.received_at, d.survey_key, d.version AS survey_version, a.question_index, a.question_type, a.score, a.answer_text,
            i.id AS invitation_id, i.trigger_kind, i.patient_id, i.call_sid, i.agent_id, i.queue_name, i.department_id, i.doctor_id, i.appointment_id
        FROM survey_answer a
        JOIN survey_invitation i ON i.id = a.survey_id
        JOIN survey_definition d ON d.id = i.definition_id
        WHERE (@SurveyKey IS NULL OR d.survey_key = @SurveyKey)
          AND (@From IS NULL OR a.received_at >= @From)
          AND (@To IS NULL OR a.received_at < @To)
          AND (@AgentId IS NULL OR i.agent_id = @AgentId)
          AND (@QueueName IS NULL OR i.queue_name = @QueueName)
          AND (@DepartmentId IS NULL OR i.department_id = @DepartmentId)
          AND (@DoctorId IS NULL OR i.doctor_id = @DoctorId)
          AND (@CallSid IS NULL OR i.call_sid = @CallSid)
          AND (@TriggerKind IS NULL OR i.trigger_kind = @TriggerKind)
        ORDER BY a.received_at DESC, a.id DESC
        {SqlMarkers.Page}
        """;

    public async Task<Page<SurveyResult>> ListAsync(SurveyResultQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new DynamicParameters(new { query.Page.Skip, Take = query.Page.Take + 1 })
            .AddFilter("SurveyKey", query.SurveyKey)
            .AddFilter("From", query.From)
            .AddFilter("To", query.To)
            .AddFilter("AgentId", query.AgentId)
            .AddFilter("QueueName", query.QueueName)
            .AddFilter("DepartmentId", query.DepartmentId)
            .AddFilter("DoctorId", query.DoctorId)
            .AddFilter("CallSid", query.CallSid)
            .AddFilter("TriggerKind", query.TriggerKind);
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SurveyResult>(new CommandDefinition(dialect.Render(ListSql), parameters, cancellationToken: cancellationToken));
        return Pages.FromOverfetch(rows.AsList(), query.Page);
    }
}
