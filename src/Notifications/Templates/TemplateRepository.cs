using System.Data.Common;
using CallCenter.Core.Data;
using Dapper;

namespace Notifications.Templates;

internal sealed class TemplateRepository(IDbConnectionFactory db, ISqlDialect dialect) : ITemplateRepository
{
    private const string Columns = "purpose, channel, language, subject, body, updated_at, updated_by_user_id";

    private const string FindSql = $"""
        SELECT {Columns} FROM notification_template
        WHERE purpose = @Purpose AND channel = @Channel AND language = @Language
        """;

    public Task<NotificationTemplate?> FindAsync(DbConnection connection, DbTransaction? transaction, string purpose, string channel, string language, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<NotificationTemplate>(new CommandDefinition(
            FindSql, new { Purpose = purpose, Channel = channel, Language = language }, transaction, cancellationToken: cancellationToken));

    public async Task<NotificationTemplate?> FindAsync(string purpose, string channel, string language, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, purpose, channel, language, cancellationToken);
    }

    private const string ListSql = $"SELECT {Columns} FROM notification_template ORDER BY purpose, channel, language";

    public async Task<IReadOnlyList<NotificationTemplate>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<NotificationTemplate>(new CommandDefinition(ListSql, cancellationToken: cancellationToken))).AsList();
    }

    private const string InsertSql = $"""
        INSERT INTO notification_template ({Columns})
        VALUES (@Purpose, @Channel, @Language, @Subject, @Body, @UpdatedAt, @UpdatedByUserId)
        """;

    private const string UpdateSql = """
        UPDATE notification_template SET subject = @Subject, body = @Body, updated_at = @UpdatedAt, updated_by_user_id = @UpdatedByUserId
        WHERE purpose = @Purpose AND channel = @Channel AND language = @Language
        """;

    public async Task<bool> SaveAsync(NotificationTemplate notificationTemplate, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(UpdateSql, notificationTemplate, cancellationToken: cancellationToken)) == 1)
        {
            return false;
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, notificationTemplate, cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            // Created in between by another admin: this save replaces it.
            await connection.ExecuteAsync(new CommandDefinition(UpdateSql, notificationTemplate, cancellationToken: cancellationToken));
            return false;
        }
    }

    private const string DeleteSql = "DELETE FROM notification_template WHERE purpose = @Purpose AND channel = @Channel AND language = @Language";

    public async Task<bool> DeleteAsync(string purpose, string channel, string language, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            DeleteSql, new { Purpose = purpose, Channel = channel, Language = language }, cancellationToken: cancellationToken)) == 1;
    }
}
