using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Data.Encryption;
using CallCenter.Core.Interactions;
using Dapper;

namespace CallCenter.Core.Messaging;

internal sealed class MessageRepository(IDbConnectionFactory db, ISqlDialect dialect, IFieldCipher cipher) : IMessageRepository
{
    private const string Columns = """
        id, message_sid, account_sid, direction, from_number, to_number, patient_id, body, num_segments,
        status, status_rank, error_code, created_at, updated_at
        """;

    private const string InsertSql = $"""
        INSERT INTO message ({Columns})
        VALUES (@Id, @MessageSid, @AccountSid, @Direction, @FromNumber, @ToNumber, @PatientId, @Body, @NumSegments,
                @Status, @StatusRank, @ErrorCode, @CreatedAt, @UpdatedAt)
        """;

    private const string InsertEventSql = """
        INSERT INTO message_event (id, message_id, status, error_code, received_at)
        VALUES (@Id, @MessageId, @Status, @ErrorCode, @ReceivedAt)
        """;

    public async Task<bool> CreateAsync(Message message, MessageEvent firstEvent, Interaction? timelineEntry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(firstEvent);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, Sealed(message), tx, cancellationToken: cancellationToken));
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

    public async Task<bool> TryInsertAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, Sealed(message), cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    private const string FindBySidSql = $"SELECT {Columns} FROM message WHERE message_sid = @MessageSid";

    public async Task<Message?> FindBySidAsync(string messageSid, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Message>(new CommandDefinition(
            FindBySidSql, new { MessageSid = messageSid }, cancellationToken: cancellationToken));
        return row is null ? null : row with { Body = cipher.Decrypt(row.Body) };
    }

    /// <summary>The message as stored: its body encrypted.</summary>
    private Message Sealed(Message message) => message with { Body = cipher.Encrypt(message.Body) };

    private const string EventsSql = """
        SELECT id, message_id, status, error_code, received_at
        FROM message_event
        WHERE message_id = @MessageId
        ORDER BY received_at, id
        """;

    public async Task<IReadOnlyList<MessageEvent>> EventsAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MessageEvent>(new CommandDefinition(EventsSql, new { MessageId = messageId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    // Only a status further along replaces the current one, whichever callback commits first.
    private const string RaiseStatusSql = """
        UPDATE message SET status = @Status, status_rank = @StatusRank, error_code = COALESCE(@ErrorCode, error_code), updated_at = @UpdatedAt
        WHERE id = @MessageId AND status_rank < @StatusRank
        """;

    public async Task<WebhookOutcome> ApplyAsync(MessageEvent statusEvent, int statusRank, string? idempotencyToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statusEvent);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        if (!await WebhookReceipts.TryRecordAsync(connection, tx, dialect, idempotencyToken, statusEvent.ReceivedAt, cancellationToken))
        {
            return WebhookOutcome.Duplicate;
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertEventSql, statusEvent, tx, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            // The carrier reports each status of a message once: this one is a redelivery under a new token.
            return WebhookOutcome.Duplicate;
        }

        var raised = await connection.ExecuteAsync(new CommandDefinition(
            RaiseStatusSql,
            new { statusEvent.MessageId, statusEvent.Status, StatusRank = statusRank, statusEvent.ErrorCode, UpdatedAt = statusEvent.ReceivedAt },
            tx,
            cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return raised == 1 ? WebhookOutcome.Applied : WebhookOutcome.Stale;
    }
}
