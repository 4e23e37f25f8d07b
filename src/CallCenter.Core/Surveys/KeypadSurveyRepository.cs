using CallCenter.Core.Conversations;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Surveys;

internal sealed class KeypadSurveyRepository(IDbConnectionFactory db) : IKeypadSurveyRepository
{
    /// <summary>How the pending reply of a keypad survey is closed: no SMS answer is awaited.</summary>
    public const string PendingOutcome = "keypad";

    // Conditional as the SMS invitation's: one survey per patient per period, one per source.
    private const string InsertInvitationSql = """
        INSERT INTO survey_invitation (id, definition_id, source_key, trigger_kind, patient_id, phone, language, call_sid, agent_id, queue_name,
            department_id, doctor_id, appointment_id, follow_up_id, pending_reply_id, status, question_index, reasked, due_at, expires_at, created_at)
        SELECT @Id, @DefinitionId, @SourceKey, @TriggerKind, @PatientId, @Phone, @Language, @CallSid, @AgentId, @QueueName,
            NULL, NULL, NULL, NULL, @PendingReplyId, @Status, @QuestionIndex, 0, @DueAt, @ExpiresAt, @CreatedAt
        WHERE NOT EXISTS (SELECT 1 FROM survey_invitation i WHERE i.patient_id = @PatientId AND i.due_at > @Since AND i.trigger_kind <> 'agent-call')
          AND NOT EXISTS (SELECT 1 FROM survey_invitation s WHERE s.source_key = @SourceKey)
        """;

    private const string InsertClosedPendingSql = """
        INSERT INTO sms_pending_reply (id, phone, purpose, patient_id, appointment_id, survey_id, message_sid, sent_at, expires_at, closed_at, outcome)
        VALUES (@PendingReplyId, @Phone, @Purpose, @PatientId, NULL, @Id, NULL, @DueAt, @ExpiresAt, @CreatedAt, @Outcome)
        """;

    public async Task<bool> TryAddAsync(SurveyInvitation invitation, DateTime since, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var parameters = new DynamicParameters(invitation);
        parameters.Add("Since", since);
        parameters.Add("Purpose", ReplyPurposes.Survey);
        parameters.Add("Outcome", PendingOutcome);

        // Typed nulls: in INSERT ... SELECT PostgreSQL cannot infer a null parameter's type from the column.
        parameters.AddFilter("CallSid", invitation.CallSid)
            .AddFilter("QueueName", invitation.QueueName)
            .AddFilter("AgentId", invitation.AgentId);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(InsertInvitationSql, parameters, transaction, cancellationToken: cancellationToken)) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(InsertClosedPendingSql, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private const string Columns = """
        id, definition_id, source_key, trigger_kind, patient_id, phone, language, call_sid, agent_id, queue_name, department_id, doctor_id,
            appointment_id, follow_up_id, pending_reply_id, status, question_index, reasked, due_at, expires_at, completed_at, created_at
        """;

    private const string FindSql = $"SELECT {Columns} FROM survey_invitation WHERE id = @Id";

    public async Task<SurveyInvitation?> FindAsync(Guid invitationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SurveyInvitationRow>(new CommandDefinition(FindSql, new { Id = invitationId }, cancellationToken: cancellationToken));
        return row?.ToInvitation();
    }

    private const string FindBySourceSql = $"SELECT {Columns} FROM survey_invitation WHERE source_key = @SourceKey";

    public async Task<SurveyInvitation?> FindBySourceAsync(string sourceKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SurveyInvitationRow>(new CommandDefinition(
            FindBySourceSql, new { SourceKey = sourceKey }, cancellationToken: cancellationToken));
        return row?.ToInvitation();
    }

    // Conditional on the question: a repeated or late keypress of an answered question moves nothing.
    private const string AdvanceSql = """
        UPDATE survey_invitation SET question_index = @Next, reasked = 0, status = @Status, completed_at = @CompletedAt
        WHERE id = @InvitationId AND question_index = @QuestionIndex AND status = 'open'
        """;

    private const string InsertAnswerSql = """
        INSERT INTO survey_answer (id, pending_reply_id, survey_id, patient_id, phone, message_sid, answer_text, score, received_at, question_index, question_type)
        VALUES (@Id, @PendingReplyId, @InvitationId, @PatientId, @Phone, @MessageSid, @AnswerText, @Score, @ReceivedAt, @QuestionIndex, @QuestionType)
        """;

    public async Task<bool> AnswerAsync(SurveyAnswerRecord answer, int nextQuestion, bool last, CancellationToken cancellationToken = default)
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
                Next = nextQuestion,
                Status = last ? SurveyInvitationStatuses.Completed : SurveyInvitationStatuses.Open,
                CompletedAt = last ? answer.ReceivedAt : (DateTime?)null,
            },
            transaction,
            cancellationToken: cancellationToken));
        if (moved == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(InsertAnswerSql, answerParameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
