using CallCenter.Core.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Patients;

/// <summary>The look-ups: search, caller ID by phone, MRN.</summary>
internal sealed partial class PatientRepository
{
    private const string SummaryColumns = """
        p.id, p.full_name, p.gender, p.date_of_birth, p.mrn, ph.e164 AS primary_phone, p.assigned_user_id
        """;

    // Every criterion is optional ("@X IS NULL OR ..."), so one statement serves every engine and combination.
    // The last condition is PatientAccess.CanSee in SQL, so a page is never short of hidden rows.
    private const string SearchSql = $"""
        SELECT {SummaryColumns}
        FROM patient p
        LEFT JOIN patient_phone ph ON ph.patient_id = p.id AND ph.is_primary = @Primary
        WHERE (@NamePattern IS NULL OR p.search_name LIKE @NamePattern ESCAPE '\')
          AND (@Mrn IS NULL OR p.mrn = @Mrn)
          AND (@Phone IS NULL OR EXISTS (SELECT 1 FROM patient_phone x WHERE x.patient_id = p.id AND x.e164 = @Phone))
          AND (@AllScopes = 1 OR p.assigned_user_id IS NULL OR p.assigned_user_id = @ViewerId)
        ORDER BY p.search_name, p.id
        {SqlMarkers.Page}
        """;

    public async Task<Page<PatientSummary>> SearchAsync(PatientSearch search, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var parameters = new
        {
            Primary = true,
            NamePattern = string.IsNullOrWhiteSpace(search.Name) ? null : ContainsPattern(PatientRules.SearchName(search.Name)),
            search.Mrn,
            Phone = search.PhoneE164,
            AllScopes = search.VisibleTo is null ? 1 : 0,
            ViewerId = search.VisibleTo ?? Guid.Empty,
            page.Skip,
            Take = page.Take + 1,
        };
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PatientSummary>(new CommandDefinition(
            dialect.Render(SearchSql), parameters, cancellationToken: cancellationToken));
        return Pages.FromOverfetch(rows.AsList(), page);
    }

    private const string FindByPhoneSql = $"""
        SELECT {SummaryColumns}
        FROM patient p
        LEFT JOIN patient_phone ph ON ph.patient_id = p.id AND ph.is_primary = @Primary
        WHERE EXISTS (SELECT 1 FROM patient_phone x WHERE x.patient_id = p.id AND x.e164 = @Phone)
        ORDER BY p.created_at, p.id
        """;

    public async Task<IReadOnlyList<PatientSummary>> FindByPhoneAsync(string e164, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PatientSummary>(new CommandDefinition(
            FindByPhoneSql, new { Primary = true, Phone = e164 }, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private const string FindIdByMrnSql = "SELECT id FROM patient WHERE mrn = @Mrn";

    public async Task<Guid?> FindIdByMrnAsync(string mrn, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(FindIdByMrnSql, new { Mrn = mrn }, cancellationToken: cancellationToken));
    }

    /// <summary>A LIKE pattern for "contains", with the wildcards in the text itself escaped.</summary>
    private static string ContainsPattern(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
