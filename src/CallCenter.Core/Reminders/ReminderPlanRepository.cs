using System.Data.Common;
using System.Text.Json;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Reminders;

/// <summary>Plans stored as JSON, one row per department.</summary>
internal sealed class ReminderPlanRepository(IDbConnectionFactory db, ISqlDialect dialect) : IReminderPlanRepository
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string FindSql = "SELECT steps FROM reminder_plan WHERE department_id = @DepartmentId";

    public async Task<ReminderPlan?> FindAsync(Guid departmentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, departmentId, cancellationToken);
    }

    /// <summary>The plan read on the caller's connection (inside an appointment change's transaction).</summary>
    public static async Task<ReminderPlan?> FindAsync(DbConnection connection, DbTransaction? transaction, Guid departmentId, CancellationToken cancellationToken)
    {
        var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(FindSql, new { DepartmentId = departmentId }, transaction, cancellationToken: cancellationToken));
        return json is null ? null : new ReminderPlan(JsonSerializer.Deserialize<List<ReminderStep>>(json, Json) ?? []);
    }

    private const string UpdateSql = "UPDATE reminder_plan SET steps = @Steps, updated_at = @At WHERE department_id = @DepartmentId";

    private const string InsertSql = "INSERT INTO reminder_plan (department_id, steps, updated_at) VALUES (@DepartmentId, @Steps, @At)";

    public async Task SaveAsync(Guid departmentId, ReminderPlan plan, DateTime at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var parameters = new { DepartmentId = departmentId, Steps = JsonSerializer.Serialize(plan.Steps, Json), At = at };
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
            await connection.ExecuteAsync(new CommandDefinition(UpdateSql, parameters, cancellationToken: cancellationToken));
        }
    }
}
