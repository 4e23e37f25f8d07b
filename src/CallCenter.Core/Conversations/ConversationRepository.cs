using System.Data.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Conversations;

internal sealed class ConversationRepository(IDbConnectionFactory db, ISqlDialect dialect) : IConversationRepository
{
    private const string Columns = "id, phone, patient_id, status, opened_at, last_message_at, reason";

    private const string ConversationOfMessageSql = "SELECT conversation_id FROM conversation_message WHERE message_sid = @MessageSid";

    private const string OpenForPhoneSql = "SELECT id FROM conversation WHERE phone = @Phone AND status = 'open'";

    private const string InsertConversationSql = """
        INSERT INTO conversation (id, phone, patient_id, status, opened_at, last_message_at, reason)
        VALUES (@Id, @Phone, @PatientId, 'open', @OpenedAt, @LastMessageAt, @Reason)
        """;

    private const string InsertMessageSql = """
        INSERT INTO conversation_message (id, conversation_id, message_sid, received_at)
        VALUES (@Id, @ConversationId, @MessageSid, @ReceivedAt)
        """;

    private const string TouchSql = """
        UPDATE conversation SET last_message_at = @At WHERE id = @Id AND last_message_at < @At
        """;

    public async Task<Guid> AddMessageAsync(
        Conversation candidate, string messageSid, Guid messageRowId, DateTime receivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await ConversationOfAsync(connection, messageSid, cancellationToken) is { } known)
        {
            return known;
        }

        var conversationId = await OpenOrCreateAsync(connection, candidate, cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                InsertMessageSql,
                new { Id = messageRowId, ConversationId = conversationId, MessageSid = messageSid, ReceivedAt = receivedAt },
                cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            // The same message added concurrently: the first one's conversation stands.
            return await ConversationOfAsync(connection, messageSid, cancellationToken) ?? conversationId;
        }

        await connection.ExecuteAsync(new CommandDefinition(TouchSql, new { Id = conversationId, At = receivedAt }, cancellationToken: cancellationToken));
        return conversationId;
    }

    private async Task<Guid> OpenOrCreateAsync(DbConnection connection, Conversation candidate, CancellationToken cancellationToken)
    {
        var parameters = new { candidate.Phone };
        if (await connection.QueryFirstOrDefaultAsync<Guid?>(new CommandDefinition(OpenForPhoneSql, parameters, cancellationToken: cancellationToken)) is { } open)
        {
            return open;
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertConversationSql, candidate, cancellationToken: cancellationToken));
            return candidate.Id;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            // Another message from the phone opened one first (one open conversation per phone): join it.
            return await connection.QuerySingleAsync<Guid>(new CommandDefinition(OpenForPhoneSql, parameters, cancellationToken: cancellationToken));
        }
    }

    private static Task<Guid?> ConversationOfAsync(DbConnection connection, string messageSid, CancellationToken cancellationToken) =>
        connection.QueryFirstOrDefaultAsync<Guid?>(new CommandDefinition(
            ConversationOfMessageSql, new { MessageSid = messageSid }, cancellationToken: cancellationToken));

    private const string FindSql = $"SELECT {Columns} FROM conversation WHERE id = @Id";

    public async Task<Conversation?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Conversation>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: cancellationToken));
    }

    private const string MessageSidsSql = "SELECT message_sid FROM conversation_message WHERE conversation_id = @Id ORDER BY received_at, id";

    public async Task<IReadOnlyList<string>> MessageSidsAsync(Guid conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(MessageSidsSql, new { Id = conversationId }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
