using CallCenter.Core.Data;
using Dapper;
using Notifications.Outbox;

namespace Notifications.Channels.Voice;

internal sealed class VoiceCallRepository(IDbConnectionFactory db) : IVoiceCallRepository
{
    private const string Columns = "call_sid, notification_id, status, answered_by, answer, retried, created_at, updated_at";

    private const string RecordSql = """
        INSERT INTO voice_call (call_sid, notification_id, status, answered_by, answer, retried, created_at, updated_at)
        SELECT @CallSid, @NotificationId, @Status, NULL, NULL, @False, @Now, @Now
        WHERE NOT EXISTS (SELECT 1 FROM voice_call WHERE call_sid = @CallSid)
        """;

    public async Task RecordAsync(string callSid, Guid notificationId, string status, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                RecordSql, new { CallSid = callSid, NotificationId = notificationId, Status = status, False = false, Now = now }, cancellationToken: cancellationToken));
        }
        catch (System.Data.Common.DbException)
        {
            // The channel and the carrier's first webhook recorded the same call at the same moment: one row is enough.
            if (!await ExistsAsync(callSid, cancellationToken))
            {
                throw;
            }
        }
    }

    private const string FindSql = $"SELECT {Columns} FROM voice_call WHERE call_sid = @CallSid";

    public async Task<VoiceCall?> FindAsync(string callSid, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<VoiceCall>(new CommandDefinition(FindSql, new { CallSid = callSid }, cancellationToken: cancellationToken));
    }

    private async Task<bool> ExistsAsync(string callSid, CancellationToken cancellationToken) => await FindAsync(callSid, cancellationToken) is not null;

    private const string UpdateStatusSql = """
        UPDATE voice_call SET status = @Status, answered_by = COALESCE(@AnsweredBy, answered_by), updated_at = @Now
        WHERE call_sid = @CallSid
        """;

    public async Task UpdateStatusAsync(string callSid, string status, string? answeredBy, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            UpdateStatusSql,
            new DynamicParameters(new { CallSid = callSid, Status = status, Now = now }).AddFilter("AnsweredBy", answeredBy),
            cancellationToken: cancellationToken));
    }

    private const string RecordAnswerSql = """
        UPDATE voice_call SET answer = @Answer, updated_at = @Now
        WHERE call_sid = @CallSid AND answer IS NULL
        """;

    public async Task<bool> RecordAnswerAsync(string callSid, string answer, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            RecordAnswerSql, new { CallSid = callSid, Answer = answer, Now = now }, cancellationToken: cancellationToken)) == 1;
    }

    private const string RetriedSql = "SELECT call_sid FROM voice_call WHERE notification_id = @NotificationId AND retried = @True";

    public async Task<IReadOnlySet<string>> RetriedCallsAsync(Guid notificationId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var sids = await connection.QueryAsync<string>(new CommandDefinition(
            RetriedSql, new { NotificationId = notificationId, True = true }, cancellationToken: cancellationToken));
        return sids.ToHashSet(StringComparer.Ordinal);
    }

    // Forward only: the row's current call (its carrier id) below the new rank, or a row still being sent whose create
    // answer is not recorded yet (the dispatcher's own "accepted" then finds the row moved on and changes nothing).
    private const string FinishSql = """
        UPDATE notification
        SET status = @Status, status_rank = @StatusRank, carrier_id = @CallSid, error = @Error, claim_token = NULL,
            check_carrier = @False, attempts = attempts + CASE WHEN status = 'sending' THEN 1 ELSE 0 END,
            sent_at = COALESCE(sent_at, @Now), updated_at = @Now
        WHERE id = @Id
          AND ((carrier_id = @CallSid AND status_rank >= 1 AND status_rank < @StatusRank)
               OR (status = 'sending' AND carrier_id IS NULL))
        """;

    public async Task<bool> FinishAsync(Guid notificationId, string callSid, string status, string? error, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var parameters = new DynamicParameters(new
        {
            Id = notificationId, CallSid = callSid, Status = status, StatusRank = NotificationStatuses.Rank(status), False = false, Now = now,
        }).AddFilter("Error", error);
        return await connection.ExecuteAsync(new CommandDefinition(FinishSql, parameters, cancellationToken: cancellationToken)) == 1;
    }

    private const string RetrySql = """
        UPDATE notification
        SET status = 'pending', status_rank = 0, carrier_id = NULL, claim_token = NULL, check_carrier = @False,
            next_attempt_at = @At, error = @Error, attempts = attempts + CASE WHEN status = 'sending' THEN 1 ELSE 0 END,
            updated_at = @Now
        WHERE id = @Id
          AND ((carrier_id = @CallSid AND status_rank >= 1 AND status_rank < 3)
               OR (status = 'sending' AND carrier_id IS NULL))
        """;

    private const string MarkRetriedSql = "UPDATE voice_call SET retried = @True, updated_at = @Now WHERE call_sid = @CallSid";

    public async Task<bool> RetryAsync(Guid notificationId, string callSid, DateTime at, string error, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            RetrySql, new { Id = notificationId, CallSid = callSid, At = at, Error = error, False = false, Now = now }, transaction, cancellationToken: cancellationToken)) == 1;
        if (moved)
        {
            await connection.ExecuteAsync(new CommandDefinition(MarkRetriedSql, new { CallSid = callSid, True = true, Now = now }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return moved;
    }

    private const string ReminderSql = "SELECT appointment_id FROM appointment_reminder WHERE id = @Id";

    public async Task<Guid?> AppointmentOfReminderAsync(Guid reminderId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(ReminderSql, new { Id = reminderId }, cancellationToken: cancellationToken));
    }
}
