using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Common;

/// <summary>
/// Remembers the idempotency token of each webhook that changed state, inside the same transaction as the change,
/// so a retry is recognised even when it races the first delivery.
/// </summary>
internal static class WebhookReceipts
{
    public const int MaxTokenLength = 128;

    private const string InsertReceiptSql = """
        INSERT INTO webhook_receipt (idempotency_token, received_at) VALUES (@Token, @ReceivedAt)
        """;

    /// <summary>False when the token was seen before (the transaction must then be abandoned). True without a token.</summary>
    public static async Task<bool> TryRecordAsync(
        DbConnection connection, DbTransaction tx, ISqlDialect dialect, string? token, DateTime receivedAt, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                InsertReceiptSql, new { Token = Stored(token), ReceivedAt = receivedAt }, tx, cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    // Twilio's tokens are short; a longer one (only a forger with the auth token could send it) is stored as its
    // hash, so it fits the column and still dedupes.
    private static string Stored(string token) =>
        token.Length <= MaxTokenLength ? token : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
