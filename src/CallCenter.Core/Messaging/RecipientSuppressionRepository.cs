using System.Data.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Messaging;

internal sealed class RecipientSuppressionRepository(IDbConnectionFactory db, ISqlDialect dialect, TimeProvider time) : IRecipientSuppressions
{
    public const int MaxReasonLength = 40;

    private const string InsertSql = """
        INSERT INTO recipient_suppression (channel, address, reason, created_at)
        VALUES (@Channel, @Address, @Reason, @CreatedAt)
        """;

    public async Task SuppressAsync(string channel, string address, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                InsertSql,
                new { Channel = channel, Address = address, Reason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason, CreatedAt = time.GetUtcNow().UtcDateTime },
                cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            // Already suppressed: the first reason stays.
        }
    }

    private const string DeleteSql = "DELETE FROM recipient_suppression WHERE channel = @Channel AND address = @Address";

    public async Task LiftAsync(string channel, string address, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { Channel = channel, Address = address }, cancellationToken: cancellationToken));
    }

    private const string FindSql = "SELECT reason FROM recipient_suppression WHERE channel = @Channel AND address = @Address";

    public async Task<string?> FindAsync(string channel, string address, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(FindSql, new { Channel = channel, Address = address }, cancellationToken: cancellationToken));
    }
}
