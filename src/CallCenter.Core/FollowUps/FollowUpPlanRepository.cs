using System.Data.Common;
using System.Text.Json;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.FollowUps;

/// <summary>Plans stored as JSON steps, one row per department.</summary>
internal sealed class FollowUpPlanRepository(IDbConnectionFactory db) : IFollowUpPlanRepository
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string FindSql = "SELECT department_id, queue_name, steps FROM follow_up_plan WHERE department_id = @DepartmentId";

    public async Task<FollowUpPlan?> FindAsync(Guid departmentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await FindAsync(departmentId, connection, null, cancellationToken);
    }

    public async Task<FollowUpPlan?> FindAsync(Guid departmentId, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(FindSql, new { DepartmentId = departmentId }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : new FollowUpPlan(row.DepartmentId, row.QueueName, JsonSerializer.Deserialize<List<FollowUpPlanStep>>(row.Steps, Json) ?? []);
    }

    private const string UpdateSql = "UPDATE follow_up_plan SET queue_name = @QueueName, steps = @Steps, updated_at = @At WHERE department_id = @DepartmentId";

    private const string InsertSql = "INSERT INTO follow_up_plan (department_id, queue_name, steps, updated_at) VALUES (@DepartmentId, @QueueName, @Steps, @At)";

    public async Task SaveAsync(FollowUpPlan plan, DateTime at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var parameters = new { plan.DepartmentId, plan.QueueName, Steps = JsonSerializer.Serialize(plan.Steps, Json), At = at };
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await connection.ExecuteAsync(new CommandDefinition(UpdateSql, parameters, cancellationToken: cancellationToken)) == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, parameters, cancellationToken: cancellationToken));
        }
    }

    private sealed record Row
    {
        public Guid DepartmentId { get; init; }
        public string QueueName { get; init; } = "";
        public string Steps { get; init; } = "[]";
    }
}
