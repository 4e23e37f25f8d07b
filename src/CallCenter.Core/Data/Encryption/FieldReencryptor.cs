using Dapper;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Data.Encryption;

/// <summary>
/// Rewrites every encrypted column's values that are not yet under the active key: plain text written before
/// encryption, and values under a retired key after a rotation. Safe to run while the hub serves: each row is
/// rewritten only if it still holds the value read (a concurrent edit wins), and a second pass finds nothing to do.
/// </summary>
public sealed partial class FieldReencryptor(IDbConnectionFactory db, ISqlDialect dialect, IFieldCipher cipher, ILogger<FieldReencryptor> logger)
{
    public const int BatchSize = 500;

    // Keyset pages by id (ids only grow past the last one seen); "NOT LIKE" the active prefix picks plain text and
    // old keys. Key ids hold no LIKE wildcards (FieldCipherFormat.IsValidKeyId).
    private const string PatientNotesSql = $"""
        SELECT id, notes AS stored FROM patient
        WHERE notes IS NOT NULL AND notes NOT LIKE @ActivePattern AND id > @After ORDER BY id {SqlMarkers.Page}
        """;

    private const string RewritePatientNotesSql = "UPDATE patient SET notes = @New WHERE id = @Id AND notes = @Old";

    private const string WrapUpNotesSql = $"""
        SELECT id, notes AS stored FROM call_wrap_up
        WHERE notes IS NOT NULL AND notes NOT LIKE @ActivePattern AND id > @After ORDER BY id {SqlMarkers.Page}
        """;

    private const string RewriteWrapUpNotesSql = "UPDATE call_wrap_up SET notes = @New WHERE id = @Id AND notes = @Old";

    private const string InteractionSummarySql = $"""
        SELECT id, summary AS stored FROM interaction
        WHERE summary IS NOT NULL AND summary NOT LIKE @ActivePattern AND id > @After ORDER BY id {SqlMarkers.Page}
        """;

    private const string RewriteInteractionSummarySql = "UPDATE interaction SET summary = @New WHERE id = @Id AND summary = @Old";

    private const string MessageBodySql = $"""
        SELECT id, body AS stored FROM message
        WHERE body IS NOT NULL AND body NOT LIKE @ActivePattern AND id > @After ORDER BY id {SqlMarkers.Page}
        """;

    private const string RewriteMessageBodySql = "UPDATE message SET body = @New WHERE id = @Id AND body = @Old";

    private const string CaseDescriptionSql = $"""
        SELECT id, description AS stored FROM complaint_case
        WHERE description NOT LIKE @ActivePattern AND id > @After ORDER BY id {SqlMarkers.Page}
        """;

    private const string RewriteCaseDescriptionSql = "UPDATE complaint_case SET description = @New WHERE id = @Id AND description = @Old";

    private const string CaseNoteBodySql = $"""
        SELECT id, body AS stored FROM complaint_case_note
        WHERE body NOT LIKE @ActivePattern AND id > @After ORDER BY id {SqlMarkers.Page}
        """;

    private const string RewriteCaseNoteBodySql = "UPDATE complaint_case_note SET body = @New WHERE id = @Id AND body = @Old";

    /// <summary>Every column encrypted at rest, as <c>table.column</c>, with its two statements.</summary>
    internal static readonly IReadOnlyList<(string Column, string SelectSql, string RewriteSql)> Columns =
    [
        ("patient.notes", PatientNotesSql, RewritePatientNotesSql),
        ("call_wrap_up.notes", WrapUpNotesSql, RewriteWrapUpNotesSql),
        ("interaction.summary", InteractionSummarySql, RewriteInteractionSummarySql),
        ("message.body", MessageBodySql, RewriteMessageBodySql),
        ("complaint_case.description", CaseDescriptionSql, RewriteCaseDescriptionSql),
        ("complaint_case_note.body", CaseNoteBodySql, RewriteCaseNoteBodySql),
    ];

    /// <summary>One pass over every encrypted column.</summary>
    public async Task<ReencryptionResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (column, selectSql, rewriteSql) in Columns)
        {
            counts[column] = await RewriteColumnAsync(selectSql, rewriteSql, cancellationToken);
            ColumnDone(logger, column, counts[column], cipher.ActiveKeyId);
        }

        return new ReencryptionResult(cipher.ActiveKeyId, counts);
    }

    private async Task<int> RewriteColumnAsync(string selectSql, string rewriteSql, CancellationToken cancellationToken)
    {
        var rewritten = 0;
        var after = Guid.Empty;
        var pattern = FieldCipherFormat.PrefixFor(cipher.ActiveKeyId) + "%";
        await using var connection = await db.OpenAsync(cancellationToken);
        while (true)
        {
            var rows = (await connection.QueryAsync<StoredValue>(new CommandDefinition(
                dialect.Render(selectSql),
                new { ActivePattern = pattern, After = after, Skip = 0, Take = BatchSize },
                cancellationToken: cancellationToken))).AsList();
            if (rows.Count == 0)
            {
                return rewritten;
            }

            foreach (var row in rows)
            {
                var fresh = cipher.Encrypt(cipher.Decrypt(row.Stored));
                rewritten += await connection.ExecuteAsync(new CommandDefinition(
                    rewriteSql, new { row.Id, New = fresh, Old = row.Stored }, cancellationToken: cancellationToken));
            }

            after = rows[^1].Id;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-encrypted {Count} values of {Column} with key {KeyId}")]
    private static partial void ColumnDone(ILogger logger, string column, int count, string keyId);

    private sealed class StoredValue
    {
        public Guid Id { get; init; }

        public string Stored { get; init; } = string.Empty;
    }
}
