using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Scheduling;

internal sealed class DepartmentRepository(IDbConnectionFactory db, ISqlDialect dialect) : IDepartmentRepository
{
    private const string Columns = "id, code, name, name_en, created_at";

    private const string InsertSql = """
        INSERT INTO department (id, code, name, name_en, created_at) VALUES (@Id, @Code, @Name, @NameEn, @CreatedAt)
        """;

    public async Task<bool> TryCreateAsync(Department department, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(department);
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, department, cancellationToken: cancellationToken));
            return true;
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    private const string FindSql = $"SELECT {Columns} FROM department WHERE id = @Id";

    public async Task<Department?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Department>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: cancellationToken));
    }

    private const string FindByCodeSql = $"SELECT {Columns} FROM department WHERE code = @Code";

    public async Task<Department?> FindByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Department>(
            new CommandDefinition(FindByCodeSql, new { Code = code }, cancellationToken: cancellationToken));
    }

    private const string ListSql = $"SELECT {Columns} FROM department ORDER BY code {SqlMarkers.Page}";

    public async Task<Page<Department>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Department>(new CommandDefinition(
            dialect.Render(ListSql), new { page.Skip, Take = page.Take + 1 }, cancellationToken: cancellationToken));
        return Pages.FromOverfetch(rows.AsList(), page);
    }
}
