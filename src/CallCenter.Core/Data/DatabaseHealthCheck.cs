using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallCenter.Core.Data;

/// <summary>Ready means the database answers and has the schema: a cheap query on a table every hub has.</summary>
public sealed class DatabaseHealthCheck(IDbConnectionFactory db) : IHealthCheck
{
    private const string PingSql = "SELECT COUNT(*) FROM app_user";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await db.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<long>(new CommandDefinition(PingSql, cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached or has no schema.", ex);
        }
    }
}
