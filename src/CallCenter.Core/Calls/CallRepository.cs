using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Data.Encryption;
using CallCenter.Core.Interactions;
using Dapper;

namespace CallCenter.Core.Calls;

internal sealed class CallRepository(IDbConnectionFactory db, ISqlDialect dialect, IFieldCipher cipher) : ICallRepository
{
    private const string Columns = """
        id, call_sid, account_sid, direction, from_number, to_number, patient_id, status, status_rank,
        last_sequence_number, created_at, updated_at, answered_at, ended_at, duration_seconds
        """;

    private const string InsertSql = $"""
        INSERT INTO call ({Columns})
        VALUES (@Id, @CallSid, @AccountSid, @Direction, @FromNumber, @ToNumber, @PatientId, @Status, @StatusRank,
                @LastSequenceNumber, @CreatedAt, @UpdatedAt, @AnsweredAt, @EndedAt, @DurationSeconds)
        """;

    private const string InsertEventSql = """
        INSERT INTO call_event (id, call_id, status, sequence_number, occurred_at, received_at, source)
        VALUES (@Id, @CallId, @Status, @SequenceNumber, @OccurredAt, @ReceivedAt, @Source)
        """;

    public async Task<bool> CreateAsync(PhoneCall phoneCall, CallEvent firstEvent, Interaction? timelineEntry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phoneCall);
        ArgumentNullException.ThrowIfNull(firstEvent);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, phoneCall, tx, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(InsertEventSql, firstEvent, tx, cancellationToken: cancellationToken));
        if (timelineEntry is not null)
        {
            await InteractionRepository.InsertAsync(connection, tx, timelineEntry, cipher, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return true;
    }

    private const string LinkPatientSql = """
        UPDATE call SET patient_id = @PatientId, updated_at = @At WHERE id = @Id AND patient_id IS NULL
        """;

    public async Task<bool> LinkPatientAsync(Guid callId, Interaction timelineEntry, DateTime at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timelineEntry);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var linked = await connection.ExecuteAsync(new CommandDefinition(
            LinkPatientSql, new { Id = callId, timelineEntry.PatientId, At = at }, tx, cancellationToken: cancellationToken));
        if (linked == 0)
        {
            return false;
        }

        await InteractionRepository.InsertAsync(connection, tx, timelineEntry, cipher, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> TryInsertAsync(PhoneCall phoneCall, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phoneCall);
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, phoneCall, cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    private const string FindBySidSql = $"SELECT {Columns} FROM call WHERE call_sid = @CallSid";

    public async Task<PhoneCall?> FindBySidAsync(string callSid, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PhoneCall>(new CommandDefinition(FindBySidSql, new { CallSid = callSid }, cancellationToken: cancellationToken));
    }

    // Events without a sequence number (the voice request) sort first on every engine via the CASE.
    private const string EventsSql = """
        SELECT id, call_id, status, sequence_number, occurred_at, received_at, source
        FROM call_event
        WHERE call_id = @CallId
        ORDER BY CASE WHEN sequence_number IS NULL THEN 0 ELSE 1 END, sequence_number, occurred_at, id
        """;

    public async Task<IReadOnlyList<CallEvent>> EventsAsync(Guid callId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CallEvent>(new CommandDefinition(EventsSql, new { CallId = callId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    // The rank guard is the ordering rule: of any two callbacks, only the one further along sets the status,
    // whichever commits first, and a final status (the highest rank) is never replaced.
    private const string RaiseStatusSql = """
        UPDATE call SET status = @Status, status_rank = @StatusRank, updated_at = @UpdatedAt
        WHERE id = @CallId AND status_rank < @StatusRank
        """;

    // Facts only ever fill in: a late callback may still carry the answer time the call did not have yet.
    private const string RecordFactsSql = """
        UPDATE call SET
            answered_at = COALESCE(answered_at, @AnsweredAt),
            ended_at = COALESCE(ended_at, @EndedAt),
            duration_seconds = COALESCE(duration_seconds, @DurationSeconds),
            last_sequence_number = CASE
                WHEN @SequenceNumber IS NOT NULL AND (last_sequence_number IS NULL OR last_sequence_number < @SequenceNumber)
                THEN @SequenceNumber ELSE last_sequence_number END,
            updated_at = @UpdatedAt
        WHERE id = @CallId
        """;

    public async Task<WebhookOutcome> ApplyAsync(CallStatusChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var e = change.Event;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (!await WebhookReceipts.TryRecordAsync(connection, tx, dialect, change.IdempotencyToken, e.ReceivedAt, cancellationToken))
        {
            return WebhookOutcome.Duplicate;
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertEventSql, e, tx, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            // The same sequence number (or status without one) again: a redelivery under a new token.
            return WebhookOutcome.Duplicate;
        }

        var raised = await connection.ExecuteAsync(new CommandDefinition(
            RaiseStatusSql, new { e.CallId, e.Status, change.StatusRank, UpdatedAt = e.ReceivedAt }, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            RecordFactsSql,
            new { e.CallId, change.AnsweredAt, change.EndedAt, change.DurationSeconds, e.SequenceNumber, UpdatedAt = e.ReceivedAt },
            tx,
            cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return raised == 1 ? WebhookOutcome.Applied : WebhookOutcome.Stale;
    }
}
