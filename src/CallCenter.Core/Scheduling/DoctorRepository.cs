using CallCenter.Core.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Scheduling;

internal sealed class DoctorRepository(IDbConnectionFactory db, ISqlDialect dialect) : IDoctorRepository
{
    private const string Columns = "id, department_id, name, title, created_at";

    private const string InsertSql = """
        INSERT INTO doctor (id, department_id, name, title, created_at) VALUES (@Id, @DepartmentId, @Name, @Title, @CreatedAt)
        """;

    public async Task CreateAsync(Doctor doctor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(doctor);
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, doctor, cancellationToken: cancellationToken));
    }

    private const string FindSql = $"SELECT {Columns} FROM doctor WHERE id = @Id";

    public async Task<Doctor?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Doctor>(new CommandDefinition(FindSql, new { Id = id }, cancellationToken: cancellationToken));
    }

    private const string ListSql = $"""
        SELECT {Columns} FROM doctor
        WHERE (@DepartmentId IS NULL OR department_id = @DepartmentId)
        ORDER BY name, id
        {SqlMarkers.Page}
        """;

    public async Task<Page<Doctor>> ListAsync(Guid? departmentId, PageRequest page, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Doctor>(new CommandDefinition(
            dialect.Render(ListSql), new DynamicParameters(new { page.Skip, Take = page.Take + 1 }).AddFilter("DepartmentId", departmentId), cancellationToken: cancellationToken));
        return Pages.FromOverfetch(rows.AsList(), page);
    }
}
