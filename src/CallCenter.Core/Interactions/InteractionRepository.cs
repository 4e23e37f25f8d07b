using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Data.Encryption;
using Dapper;

namespace CallCenter.Core.Interactions;

internal sealed class InteractionRepository(IDbConnectionFactory db, ISqlDialect dialect, IFieldCipher cipher) : IInteractionRepository
{
    public const int MaxSummaryLength = 2000;

    private const string InsertSql = """
        INSERT INTO interaction (id, patient_id, kind, direction, occurred_at, summary, user_id, external_id)
        VALUES (@Id, @PatientId, @Kind, @Direction, @OccurredAt, @Summary, @UserId, @ExternalId)
        """;

    public async Task AddAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (interaction.Summary is { Length: > MaxSummaryLength })
        {
            throw new ArgumentException($"Summary must be at most {MaxSummaryLength} characters.", nameof(interaction));
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, Sealed(interaction, cipher), cancellationToken: cancellationToken));
    }

    public async Task AddAsync(DbTransaction transaction, IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(interactions);
        if (interactions.Any(i => i.Summary is { Length: > MaxSummaryLength }))
        {
            throw new ArgumentException($"Summary must be at most {MaxSummaryLength} characters.", nameof(interactions));
        }

        if (interactions.Count > 0)
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(InsertSql, interactions.Select(i => Sealed(i, cipher)).ToList(), transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>Adds a timeline entry inside another feature's transaction (a call or message recorded with its entry).</summary>
    internal static Task InsertAsync(DbConnection connection, DbTransaction tx, Interaction interaction, IFieldCipher cipher, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, Sealed(interaction, cipher), tx, cancellationToken: cancellationToken));

    /// <summary>The entry as stored: its summary (a note's text, a wrap-up's notes) encrypted.</summary>
    internal static Interaction Sealed(Interaction interaction, IFieldCipher cipher) => interaction with { Summary = cipher.Encrypt(interaction.Summary) };

    private const string TimelineSql = $"""
        SELECT id, patient_id, kind, direction, occurred_at, summary, user_id, external_id
        FROM interaction
        WHERE patient_id = @PatientId
        ORDER BY occurred_at DESC, id DESC
        {SqlMarkers.Page}
        """;

    public async Task<Page<Interaction>> TimelineAsync(Guid patientId, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Interaction>(new CommandDefinition(
            dialect.Render(TimelineSql), new { PatientId = patientId, page.Skip, Take = page.Take + 1 }, cancellationToken: cancellationToken));
        return Pages.FromOverfetch(rows.Select(i => i with { Summary = cipher.Decrypt(i.Summary) }).ToList(), page);
    }
}
