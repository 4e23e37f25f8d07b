using System.Data.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Conversations;

internal sealed class SmsReplyRepository(IDbConnectionFactory db, ISqlDialect dialect) : ISmsReplyRepository
{
    private const string Columns = """
        id, phone, purpose, patient_id, appointment_id, survey_id, message_sid, sent_at, expires_at, closed_at, outcome
        """;

    private const string InsertSql = """
        INSERT INTO sms_pending_reply (id, phone, purpose, patient_id, appointment_id, survey_id, message_sid, sent_at, expires_at, closed_at, outcome)
        VALUES (@Id, @Phone, @Purpose, @PatientId, @AppointmentId, @SurveyId, @MessageSid, @SentAt, @ExpiresAt, NULL, NULL)
        """;

    public async Task AddPendingAsync(SmsPendingReply reply, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reply);
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, reply, cancellationToken: cancellationToken));
    }

    private const string FindOpenSql = $"""
        SELECT {Columns} FROM sms_pending_reply
        WHERE phone = @Phone AND closed_at IS NULL AND expires_at > @Now AND sent_at <= @Now
        ORDER BY sent_at DESC, id DESC
        """;

    public async Task<SmsPendingReply?> FindOpenAsync(string phone, DateTime now, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<SmsPendingReply>(
            new CommandDefinition(FindOpenSql, new { Phone = phone, Now = now }, cancellationToken: cancellationToken));
    }

    private const string FindLapsedOfferSql = $"""
        SELECT {Columns} FROM sms_pending_reply
        WHERE phone = @Phone AND purpose = 'waitlist-offer' AND closed_at IS NULL AND expires_at <= @Now AND expires_at > @Since
        ORDER BY expires_at DESC, id DESC
        """;

    public async Task<SmsPendingReply?> FindLapsedOfferAsync(string phone, DateTime now, DateTime since, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<SmsPendingReply>(
            new CommandDefinition(FindLapsedOfferSql, new { Phone = phone, Now = now, Since = since }, cancellationToken: cancellationToken));
    }

    private const string FindSql = $"SELECT {Columns} FROM sms_pending_reply WHERE id = @Id";

    public async Task<SmsPendingReply?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SmsPendingReply>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: cancellationToken));
    }

    private const string CloseSql = """
        UPDATE sms_pending_reply SET closed_at = @At, outcome = @Outcome WHERE id = @Id AND closed_at IS NULL
        """;

    public async Task<bool> CloseAsync(Guid id, string outcome, DateTime at, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            CloseSql, new { Id = id, Outcome = outcome, At = at }, cancellationToken: cancellationToken));
        return changed > 0;
    }

    private const string InsertAnswerSql = """
        INSERT INTO survey_answer (id, pending_reply_id, survey_id, patient_id, phone, message_sid, answer_text, score, received_at)
        VALUES (@Id, @PendingReplyId, @SurveyId, @PatientId, @Phone, @MessageSid, @AnswerText, @Score, @ReceivedAt)
        """;

    public async Task<bool> AddSurveyAnswerAsync(SurveyAnswerRow answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertAnswerSql, answer, cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            // A redelivered SMS: its answer is already stored.
            return false;
        }
    }

    private const string AnswersSql = """
        SELECT id, pending_reply_id, survey_id, patient_id, phone, message_sid, answer_text, score, received_at
        FROM survey_answer WHERE pending_reply_id = @PendingReplyId ORDER BY received_at, id
        """;

    public async Task<IReadOnlyList<SurveyAnswerRow>> SurveyAnswersAsync(Guid pendingReplyId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SurveyAnswerRow>(new CommandDefinition(
            AnswersSql, new { PendingReplyId = pendingReplyId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
