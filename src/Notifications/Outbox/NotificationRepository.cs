using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Interactions;
using CallCenter.Core.Reminders;
using Dapper;

namespace Notifications.Outbox;

internal sealed class NotificationRepository(
    IDbConnectionFactory db, ISqlDialect dialect, IInteractionRepository interactions, IEnumerable<IReminderSendListener> sendListeners) : INotificationRepository
{
    private const string Columns = """
        id, patient_id, channel, purpose, template_key, language, subject, body, recipient, correlation, urgent,
        status, status_rank, due_at, expires_at, next_attempt_at, attempts, claim_token, check_carrier,
        first_attempt_at, carrier_id, error, created_at, updated_at, sent_at
        """;

    private const string InsertSql = $"""
        INSERT INTO notification ({Columns})
        VALUES (@Id, @PatientId, @Channel, @Purpose, @TemplateKey, @Language, @Subject, @Body, @Recipient, @Correlation, @Urgent,
                @Status, @StatusRank, @DueAt, @ExpiresAt, @NextAttemptAt, @Attempts, @ClaimToken, @CheckCarrier,
                @FirstAttemptAt, @CarrierId, @Error, @CreatedAt, @UpdatedAt, @SentAt)
        """;

    public Task InsertAsync(DbConnection connection, DbTransaction transaction, Notification notification, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, notification, transaction, cancellationToken: cancellationToken));

    private const string CancelSql = """
        UPDATE notification SET status = 'cancelled', updated_at = @Now
        WHERE correlation = @Correlation AND status = 'pending'
        """;

    public Task<int> CancelAsync(DbConnection connection, DbTransaction transaction, string correlation, DateTime now, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(CancelSql, new { Correlation = correlation, Now = now }, transaction, cancellationToken: cancellationToken));

    private const string RescheduleSql = """
        UPDATE notification SET due_at = @DueAt, next_attempt_at = @DueAt, expires_at = @ExpiresAt, updated_at = @Now
        WHERE correlation = @Correlation AND status = 'pending'
        """;

    public Task<int> RescheduleAsync(DbConnection connection, DbTransaction transaction, string correlation, DateTime dueAt, DateTime? expiresAt, DateTime now, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { Correlation = correlation, DueAt = dueAt, Now = now }).AddFilter("ExpiresAt", expiresAt);
        return connection.ExecuteAsync(new CommandDefinition(RescheduleSql, parameters, transaction, cancellationToken: cancellationToken));
    }

    // One conditional update claims the batch: where two dispatchers pick the same rows, the second's update finds
    // them no longer due (the first moved next_attempt_at to its lease's end) and skips them. A row taken back from
    // a lease that ran out keeps a note to ask the carrier first: its sender may have died after the carrier took it.
    private const string ClaimSql = $"""
        UPDATE notification
        SET status = 'sending',
            check_carrier = CASE WHEN status = 'sending' THEN @True ELSE check_carrier END,
            first_attempt_at = COALESCE(first_attempt_at, @Now),
            next_attempt_at = @LeaseUntil,
            claim_token = @ClaimToken,
            updated_at = @Now
        WHERE id IN (
            SELECT id FROM notification
            WHERE status IN ('pending', 'sending') AND next_attempt_at <= @Now
            ORDER BY next_attempt_at, id
            {SqlMarkers.Page})
          AND status IN ('pending', 'sending') AND next_attempt_at <= @Now
        """;

    private const string ClaimedSql = $"SELECT {Columns} FROM notification WHERE claim_token = @ClaimToken AND status = 'sending'";

    public async Task<IReadOnlyList<Notification>> ClaimDueAsync(Guid claimToken, DateTime now, DateTime leaseUntil, int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            dialect.Render(ClaimSql),
            new { ClaimToken = claimToken, Now = now, LeaseUntil = leaseUntil, True = true, Skip = 0, Take = batchSize },
            cancellationToken: cancellationToken));
        if (claimed == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<Notification>(new CommandDefinition(ClaimedSql, new { ClaimToken = claimToken }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    // Every write to a claimed row is fenced by its claim token and the sending status: a dispatcher whose lease ran
    // out (and whose row another dispatcher took) changes nothing.
    private const string DeferSql = """
        UPDATE notification SET status = 'pending', next_attempt_at = @At, claim_token = NULL, error = @Error, updated_at = @Now
        WHERE id = @Id AND claim_token = @ClaimToken AND status = 'sending'
        """;

    private const string RetrySql = """
        UPDATE notification
        SET status = 'pending', next_attempt_at = @At, claim_token = NULL, error = @Error, attempts = attempts + 1,
            check_carrier = @CheckCarrier, updated_at = @Now
        WHERE id = @Id AND claim_token = @ClaimToken AND status = 'sending'
        """;

    private const string EndSql = """
        UPDATE notification
        SET status = @Status, claim_token = NULL, error = @Error, attempts = attempts + @Attempt, updated_at = @Now
        WHERE id = @Id AND claim_token = @ClaimToken AND status = 'sending'
        """;

    // The claim token stays until the batch has caught up with the carrier statuses that raced it (ReleaseClaimAsync).
    private const string AcceptedSql = """
        UPDATE notification
        SET status = @Status, status_rank = @StatusRank, carrier_id = @CarrierId, sent_at = @Now,
            check_carrier = @False, error = NULL, attempts = attempts + @Attempt, updated_at = @Now
        WHERE id = @Id AND claim_token = @ClaimToken AND status = 'sending'
        """;

    public async Task<IReadOnlyList<DispatchOutcome>> RecordAsync(
        IReadOnlyList<DispatchOutcome> outcomes, Func<DispatchOutcome, Interaction?> timelineEntry, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(timelineEntry);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var statements = outcomes.Select(o => Statement(o, now)).ToList();
        var recorded = dialect.Name == DatabaseProviders.Postgres && connection.CanCreateBatch
            ? await PostgresOutcomeBatch.RecordAsync(connection, transaction, outcomes, statements, now, cancellationToken)
            : await RecordOneByOneAsync(connection, transaction, outcomes, statements, cancellationToken);
        await interactions.AddAsync(transaction, [.. recorded.Select(timelineEntry).OfType<Interaction>()], cancellationToken);
        var progress = recorded.Select(o => Progress(o, now)).OfType<ReminderSendProgress>().ToList();
        if (progress.Count > 0)
        {
            foreach (var listener in sendListeners)
            {
                await listener.ProgressedAsync(progress, connection, transaction, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    private static async Task<List<DispatchOutcome>> RecordOneByOneAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DispatchOutcome> outcomes, List<OutcomeStatement> statements, CancellationToken cancellationToken)
    {
        var recorded = new List<DispatchOutcome>(outcomes.Count);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var parameters = new DynamicParameters();
            foreach (var (name, value) in statements[i].Parameters)
            {
                parameters.Add(name, value);
            }

            if (await connection.ExecuteAsync(new CommandDefinition(statements[i].Sql, parameters, transaction, cancellationToken: cancellationToken)) == 1)
            {
                recorded.Add(outcomes[i]);
            }
        }

        return recorded;
    }

    // What the features that enqueued a message hear of it, in the same transaction (a waitlist offer's window).
    private static ReminderSendProgress? Progress(DispatchOutcome outcome, DateTime now) => outcome.Row.Correlation is not { } correlation
        ? null
        : outcome.Kind switch
        {
            DispatchOutcomeKind.Accepted => new(correlation, ReminderSendStage.Left, now),
            DispatchOutcomeKind.Deferred or DispatchOutcomeKind.Retry => new(correlation, ReminderSendStage.Waiting, outcome.At ?? now),
            _ => new(correlation, ReminderSendStage.NotSent, now),
        };

    private static OutcomeStatement Statement(DispatchOutcome outcome, DateTime now)
    {
        var row = outcome.Row;
        var error = outcome.Error is null ? null : Cut(outcome.Error);
        var attempt = outcome.CountAttempt ? 1 : 0;
        (string, object?) Id() => ("Id", row.Id);
        (string, object?) Claim() => ("ClaimToken", row.ClaimToken);
        (string, object?) At() => ("Now", now);
        return outcome.Kind switch
        {
            DispatchOutcomeKind.Accepted => new(AcceptedSql, [
                Id(), Claim(), At(), ("CarrierId", outcome.CarrierId), ("Status", outcome.Status),
                ("StatusRank", NotificationStatuses.Rank(outcome.Status!)), ("Attempt", attempt), ("False", false)]),
            DispatchOutcomeKind.Deferred => new(DeferSql, [Id(), Claim(), At(), ("At", outcome.At), ("Error", error)]),
            DispatchOutcomeKind.Retry => new(RetrySql, [Id(), Claim(), At(), ("At", outcome.At), ("Error", error), ("CheckCarrier", outcome.CheckCarrier)]),
            _ => new(EndSql, [Id(), Claim(), At(), ("Status", outcome.Status), ("Error", error), ("Attempt", attempt)]),
        };
    }

    // A status callback that came before its row knew its carrier id moved the message record only: read those back.
    private const string StatusesSeenSql = """
        SELECT n.id AS notification_id, n.carrier_id, m.status AS message_status, m.error_code
        FROM notification n
        JOIN message m ON m.message_sid = n.carrier_id
        WHERE n.claim_token = @ClaimToken
        """;

    public async Task<IReadOnlyList<CarrierStatusSeen>> StatusesSeenAsync(Guid claimToken, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CarrierStatusSeen>(new CommandDefinition(StatusesSeenSql, new { ClaimToken = claimToken }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string ReleaseClaimSql = "UPDATE notification SET claim_token = NULL WHERE claim_token = @ClaimToken AND status <> 'sending'";

    public async Task ReleaseClaimAsync(Guid claimToken, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(ReleaseClaimSql, new { ClaimToken = claimToken }, cancellationToken: cancellationToken));
    }

    // Forward only, and only once the carrier has the row (rank 1 and up): a callback never reopens or moves back a row.
    private const string ApplyStatusSql = """
        UPDATE notification SET status = @Status, status_rank = @StatusRank, error = COALESCE(@Error, error), updated_at = @Now
        WHERE carrier_id = @CarrierId AND status_rank >= 1 AND status_rank < @StatusRank
        """;

    private const string FindByCarrierIdSql = $"SELECT {Columns} FROM notification WHERE carrier_id = @CarrierId";

    public async Task<Notification?> ApplyCarrierStatusAsync(string carrierId, string status, string? errorCode, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            ApplyStatusSql,
            new DynamicParameters(new { CarrierId = carrierId, Status = status, StatusRank = NotificationStatuses.Rank(status), Now = now }).AddFilter("Error", errorCode),
            cancellationToken: cancellationToken));
        return moved == 0
            ? null
            : await connection.QuerySingleOrDefaultAsync<Notification>(new CommandDefinition(FindByCarrierIdSql, new { CarrierId = carrierId }, cancellationToken: cancellationToken));
    }

    private const string CarrierIdInUseSql = "SELECT COUNT(*) FROM notification WHERE carrier_id = @CarrierId";

    public async Task<bool> CarrierIdInUseAsync(string carrierId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(CarrierIdInUseSql, new { CarrierId = carrierId }, cancellationToken: cancellationToken)) > 0;
    }

    private const string FindSql = $"SELECT {Columns} FROM notification WHERE id = @Id";

    public async Task<Notification?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Notification>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: cancellationToken));
    }

    private const string ListSql = $"""
        SELECT {Columns}
        FROM notification
        WHERE (@PatientId IS NULL OR patient_id = @PatientId)
          AND (@Purpose IS NULL OR purpose = @Purpose)
          AND (@Status IS NULL OR status = @Status)
          AND (@From IS NULL OR created_at >= @From)
          AND (@To IS NULL OR created_at < @To)
        ORDER BY created_at DESC, id DESC
        {SqlMarkers.Page}
        """;

    public async Task<Page<Notification>> ListAsync(NotificationQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new DynamicParameters(new { page.Skip, Take = page.Take + 1 })
            .AddFilter("PatientId", query.PatientId)
            .AddFilter("Purpose", query.Purpose)
            .AddFilter("Status", query.Status)
            .AddFilter("From", query.From)
            .AddFilter("To", query.To);
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Notification>(new CommandDefinition(dialect.Render(ListSql), parameters, cancellationToken: cancellationToken));
        return Pages.FromOverfetch(rows.AsList(), page);
    }

    private static string Cut(string text) => text.Length > 200 ? text[..200] : text;
}
