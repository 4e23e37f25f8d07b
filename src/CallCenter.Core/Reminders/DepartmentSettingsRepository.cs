using System.Data.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Reminders;

internal sealed class DepartmentSettingsRepository(IDbConnectionFactory db, ISqlDialect dialect) : IDepartmentSettingsRepository
{
    private const string FindSql = """
        SELECT no_show_grace_minutes, waitlist_offer_minutes FROM department_setting WHERE department_id = @DepartmentId
        """;

    public async Task<DepartmentVisitSettings?> FindAsync(Guid departmentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(FindSql, new { DepartmentId = departmentId }, cancellationToken: cancellationToken));
        return row is null ? null : new DepartmentVisitSettings(row.NoShowGraceMinutes, row.WaitlistOfferMinutes);
    }

    private const string UpdateSql = """
        UPDATE department_setting SET no_show_grace_minutes = @Grace, waitlist_offer_minutes = @Offer, updated_at = @At
        WHERE department_id = @DepartmentId
        """;

    private const string InsertSql = """
        INSERT INTO department_setting (department_id, no_show_grace_minutes, waitlist_offer_minutes, updated_at)
        VALUES (@DepartmentId, @Grace, @Offer, @At)
        """;

    public async Task SaveAsync(Guid departmentId, DepartmentVisitSettings settings, DateTime at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var parameters = new { DepartmentId = departmentId, Grace = settings.NoShowGraceMinutes, Offer = settings.WaitlistOfferMinutes, At = at };
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(UpdateSql, parameters, cancellationToken: cancellationToken)) > 0)
        {
            return;
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, parameters, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            // Another save inserted first: this one is the later, so it wins.
            await connection.ExecuteAsync(new CommandDefinition(UpdateSql, parameters, cancellationToken: cancellationToken));
        }
    }

    private sealed record Row
    {
        public int NoShowGraceMinutes { get; init; }
        public int WaitlistOfferMinutes { get; init; }
    }
}
