using System.Data.Common;
using CallCenter.Core.Conversations;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Surveys;

internal sealed class SurveyInvitationRepository(IDbConnectionFactory db) : ISurveyInvitationRepository
{
    // Conditional: nothing is written when the patient had a survey in the period or the source already has one.
    private const string InsertInvitationSql = """
        INSERT INTO survey_invitation (id, definition_id, source_key, trigger_kind, patient_id, phone, language, call_sid, agent_id, queue_name,
            department_id, doctor_id, appointment_id, follow_up_id, pending_reply_id, status, question_index, reasked, due_at, expires_at, created_at)
        SELECT @Id, @DefinitionId, @SourceKey, @TriggerKind, @PatientId, @Phone, @Language, @CallSid, @AgentId, @QueueName,
            @DepartmentId, @DoctorId, @AppointmentId, @FollowUpId, @PendingReplyId, @Status, 0, 0, @DueAt, @ExpiresAt, @CreatedAt
        WHERE NOT EXISTS (SELECT 1 FROM survey_invitation i WHERE i.patient_id = @PatientId AND i.due_at > @Since AND i.trigger_kind <> 'agent-call')
          AND NOT EXISTS (SELECT 1 FROM survey_invitation s WHERE s.source_key = @SourceKey)
        """;

    private const string InsertPendingSql = """
        INSERT INTO sms_pending_reply (id, phone, purpose, patient_id, appointment_id, survey_id, message_sid, sent_at, expires_at, closed_at, outcome)
        VALUES (@PendingReplyId, @Phone, @Purpose, @PatientId, @AppointmentId, @Id, NULL, @DueAt, @ExpiresAt, NULL, NULL)
        """;

    public async Task<bool> TryAddAsync(SurveyInvitation invitation, DateTime since, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(connection);
        var parameters = new DynamicParameters(invitation);
        parameters.Add("Since", since);
        parameters.Add("Purpose", ReplyPurposes.Survey);

        // Typed nulls: in INSERT ... SELECT PostgreSQL cannot infer a null parameter's type from the column.
        parameters.AddFilter("CallSid", invitation.CallSid)
            .AddFilter("QueueName", invitation.QueueName)
            .AddFilter("AgentId", invitation.AgentId)
            .AddFilter("DepartmentId", invitation.DepartmentId)
            .AddFilter("DoctorId", invitation.DoctorId)
            .AddFilter("AppointmentId", invitation.AppointmentId)
            .AddFilter("FollowUpId", invitation.FollowUpId);
        if (await connection.ExecuteAsync(new CommandDefinition(InsertInvitationSql, parameters, transaction, cancellationToken: cancellationToken)) == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(InsertPendingSql, parameters, transaction, cancellationToken: cancellationToken));
        return true;
    }

    private const string InsertCompletedSql = """
        INSERT INTO survey_invitation (id, definition_id, source_key, trigger_kind, patient_id, phone, language, call_sid, agent_id, queue_name,
            department_id, doctor_id, appointment_id, follow_up_id, pending_reply_id, status, question_index, reasked, due_at, expires_at, completed_at, created_at)
        VALUES (@Id, @DefinitionId, @SourceKey, @TriggerKind, @PatientId, @Phone, @Language, @CallSid, @AgentId, @QueueName,
            @DepartmentId, @DoctorId, @AppointmentId, @FollowUpId, @PendingReplyId, @Status, @QuestionIndex, 0, @DueAt, @ExpiresAt, @CompletedAt, @CreatedAt)
        """;

    private const string InsertClosedPendingSql = """
        INSERT INTO sms_pending_reply (id, phone, purpose, patient_id, appointment_id, survey_id, message_sid, sent_at, expires_at, closed_at, outcome)
        VALUES (@PendingReplyId, @Phone, @Purpose, @PatientId, @AppointmentId, @Id, NULL, @DueAt, @ExpiresAt, @CompletedAt, @TriggerKind)
        """;

    private const string InsertAgentAnswerSql = """
        INSERT INTO survey_answer (id, pending_reply_id, survey_id, patient_id, phone, message_sid, answer_text, score, received_at, question_index, question_type)
        VALUES (@Id, @PendingReplyId, @InvitationId, @PatientId, @Phone, @MessageSid, @AnswerText, @Score, @ReceivedAt, @QuestionIndex, @QuestionType)
        """;

    public async Task RecordAgentAnswersAsync(SurveyInvitation invitation, IReadOnlyList<SurveyAnswerRecord> answers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        ArgumentNullException.ThrowIfNull(answers);
        var parameters = new DynamicParameters(invitation);
        parameters.Add("Purpose", ReplyPurposes.Survey);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertCompletedSql, parameters, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertClosedPendingSql, parameters, transaction, cancellationToken: cancellationToken));
        foreach (var answer in answers)
        {
            var answerParameters = new DynamicParameters(answer);
            answerParameters.Add("Score", answer.Score, System.Data.DbType.Int32);
            await connection.ExecuteAsync(new CommandDefinition(InsertAgentAnswerSql, answerParameters, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private const string ContactSql = """
        SELECT p.preferred_language,
            (SELECT MIN(ph.e164) FROM patient_phone ph WHERE ph.patient_id = p.id AND ph.kind = 'mobile' AND ph.is_primary = @True) AS primary_mobile,
            (SELECT MIN(ph.e164) FROM patient_phone ph WHERE ph.patient_id = p.id AND ph.kind = 'mobile') AS any_mobile
        FROM patient p WHERE p.id = @PatientId
        """;

    public async Task<(string Phone, string? Language)?> FindContactAsync(Guid patientId, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var row = await connection.QuerySingleOrDefaultAsync<ContactRow>(new CommandDefinition(
            ContactSql, new { PatientId = patientId, True = true }, transaction, cancellationToken: cancellationToken));
        return (row?.PrimaryMobile ?? row?.AnyMobile) is { } phone ? (phone, row!.PreferredLanguage) : null;
    }

    private sealed record ContactRow
    {
        public string? PreferredLanguage { get; init; }
        public string? PrimaryMobile { get; init; }
        public string? AnyMobile { get; init; }
    }

    private const string FindSql = """
        SELECT id, definition_id, source_key, trigger_kind, patient_id, phone, language, call_sid, agent_id, queue_name, department_id, doctor_id,
            appointment_id, follow_up_id, pending_reply_id, status, question_index, reasked, due_at, expires_at, completed_at, created_at
        FROM survey_invitation WHERE pending_reply_id = @PendingReplyId
        """;

    public async Task<SurveyInvitation?> FindByPendingReplyAsync(Guid pendingReplyId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SurveyInvitationRow>(new CommandDefinition(FindSql, new { PendingReplyId = pendingReplyId }, cancellationToken: cancellationToken));
        return row?.ToInvitation();
    }

    private const string InsertAnswerSql = """
        INSERT INTO survey_answer (id, pending_reply_id, survey_id, patient_id, phone, message_sid, answer_text, score, received_at, question_index, question_type)
        SELECT @Id, @PendingReplyId, @InvitationId, @PatientId, @Phone, @MessageSid, @AnswerText, @Score, @ReceivedAt, @QuestionIndex, @QuestionType
        WHERE NOT EXISTS (SELECT 1 FROM survey_answer a WHERE a.message_sid = @MessageSid)
        """;

    private const string AdvanceSql = """
        UPDATE survey_invitation SET question_index = @Next, reasked = 0, status = @Status, completed_at = @CompletedAt
        WHERE id = @InvitationId AND question_index = @QuestionIndex AND status = 'open'
        """;

    private const string ClosePendingSql = "UPDATE sms_pending_reply SET closed_at = @At, outcome = @Outcome WHERE id = @Id AND closed_at IS NULL";

    public async Task<bool> AnswerAsync(SurveyAnswerRecord answer, bool last, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var answerParameters = new DynamicParameters(answer);
        answerParameters.Add("Score", answer.Score, System.Data.DbType.Int32);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            AdvanceSql,
            new
            {
                answer.InvitationId,
                answer.QuestionIndex,
                Next = answer.QuestionIndex + 1,
                Status = last ? SurveyInvitationStatuses.Completed : SurveyInvitationStatuses.Open,
                CompletedAt = last ? answer.ReceivedAt : (DateTime?)null,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (moved == 0
            || await connection.ExecuteAsync(new CommandDefinition(InsertAnswerSql, answerParameters, transaction, cancellationToken: cancellationToken)) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        if (last)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                ClosePendingSql, new { Id = answer.PendingReplyId, At = answer.ReceivedAt, Outcome = "answered" }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private const string ReaskSql = "UPDATE survey_invitation SET reasked = 1 WHERE id = @Id AND question_index = @QuestionIndex AND reasked = 0 AND status = 'open'";

    public async Task<bool> MarkReaskedAsync(Guid invitationId, int questionIndex, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(ReaskSql, new { Id = invitationId, QuestionIndex = questionIndex }, cancellationToken: cancellationToken)) > 0;
    }

    private const string LapsedSql = """
        SELECT r.id FROM sms_pending_reply r JOIN survey_invitation i ON i.pending_reply_id = r.id
        WHERE r.phone = @Phone AND r.purpose = @Purpose AND r.closed_at IS NULL AND r.expires_at <= @Now AND r.expires_at > @Since
        ORDER BY r.expires_at DESC
        """;

    public async Task<Guid?> FindLapsedReplyAsync(string phone, DateTime now, DateTime since, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<Guid>(new CommandDefinition(
            LapsedSql, new { Phone = phone, Purpose = ReplyPurposes.Survey, Now = now, Since = since }, cancellationToken: cancellationToken));
        return ids.Select(id => (Guid?)id).FirstOrDefault();
    }

    private const string ExpireSql = "UPDATE survey_invitation SET status = @Status WHERE pending_reply_id = @Id AND status = 'open'";

    public async Task<bool> CloseLapsedAsync(Guid pendingReplyId, DateTime at, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var closed = await connection.ExecuteAsync(new CommandDefinition(
            ClosePendingSql, new { Id = pendingReplyId, At = at, Outcome = "expired" }, transaction, cancellationToken: cancellationToken)) > 0;
        await connection.ExecuteAsync(new CommandDefinition(
            ExpireSql, new { Id = pendingReplyId, Status = SurveyInvitationStatuses.Expired }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return closed;
    }
}
