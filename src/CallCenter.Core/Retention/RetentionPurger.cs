using CallCenter.Core.Data;
using Dapper;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Retention;

/// <summary>
/// Removes what is older than <see cref="RetentionOptions"/> allows, in batches: webhook receipts and IVR sessions are
/// deleted; SMS bodies are blanked (set to NULL) and the message row kept, because its SID, numbers, status and times
/// are the record that a message was exchanged (timelines, conversation threads, delivery reports, the dedupe of a
/// redelivered webhook by SID) and other rows refer to it. The audit trail is never touched (append-only).
/// </summary>
public sealed class RetentionPurger(IDbConnectionFactory connections, ISqlDialect dialect, IOptions<RetentionOptions> options, TimeProvider time)
{
    private const string DeleteReceiptsSql = $"""
        DELETE FROM webhook_receipt WHERE idempotency_token IN (
            SELECT idempotency_token FROM webhook_receipt WHERE received_at < @Cutoff ORDER BY received_at {SqlMarkers.Page})
        """;

    private const string DeleteSessionsSql = $"""
        DELETE FROM ivr_session WHERE session_key IN (
            SELECT session_key FROM ivr_session WHERE updated_at < @Cutoff ORDER BY updated_at {SqlMarkers.Page})
        """;

    private const string BlankBodiesSql = $"""
        UPDATE message SET body = NULL WHERE id IN (
            SELECT id FROM message WHERE created_at < @Cutoff AND body IS NOT NULL ORDER BY created_at {SqlMarkers.Page})
        """;

    /// <summary>One pass over all three; <paramref name="progress"/> hears the running total after each batch.</summary>
    public async Task<RetentionResult> PurgeAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var done = 0;
        var receipts = await InBatchesAsync(DeleteReceiptsSql, now.AddDays(-settings.WebhookReceiptDays), settings.BatchSize, Report, cancellationToken);
        var sessions = await InBatchesAsync(DeleteSessionsSql, now.AddDays(-settings.IvrSessionDays), settings.BatchSize, Report, cancellationToken);
        var bodies = await InBatchesAsync(BlankBodiesSql, now.AddDays(-settings.MessageBodyDays), settings.BatchSize, Report, cancellationToken);
        return new RetentionResult(receipts, sessions, bodies);

        void Report(int batch)
        {
            done += batch;
            progress?.Report(done);
        }
    }

    private async Task<int> InBatchesAsync(string sql, DateTime cutoff, int batchSize, Action<int> report, CancellationToken cancellationToken)
    {
        var rendered = dialect.Render(sql);
        var total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var connection = await connections.OpenAsync(cancellationToken);
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                rendered, new { Cutoff = cutoff, Skip = 0, Take = batchSize }, cancellationToken: cancellationToken));
            total += changed;
            report(changed);
            if (changed < batchSize)
            {
                return total;
            }
        }
    }
}
