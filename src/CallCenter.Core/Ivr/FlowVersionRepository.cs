using System.Data.Common;
using CallCenter.Core.Data;
using Dapper;

namespace CallCenter.Core.Ivr;

/// <summary>Flow versions in <c>ivr_flow_version</c>, written once per version (by whichever hub activates it first).</summary>
internal sealed class FlowVersionRepository(IDbConnectionFactory db, ISqlDialect dialect) : IFlowVersionRepository
{
    private const string ExistsSql = "SELECT COUNT(*) FROM ivr_flow_version WHERE flow_id = @FlowId AND version = @Version";

    private const string InsertSql = """
        INSERT INTO ivr_flow_version (flow_id, version, file_name, content, activated_at)
        VALUES (@FlowId, @Version, @FileName, @Content, @ActivatedAt)
        """;

    public async Task SaveAsync(StoredFlowVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        await using var connection = await db.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(ExistsSql, version, cancellationToken: cancellationToken)) > 0)
        {
            return;
        }

        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, version, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (dialect.IsUniqueViolation(ex))
        {
            // Another hub activated the same file at the same moment: the stored content is the same.
        }
    }

    private const string FindSql = """
        SELECT flow_id, version, file_name, content, activated_at FROM ivr_flow_version
        WHERE flow_id = @FlowId AND version = @Version
        """;

    public async Task<StoredFlowVersion?> FindAsync(string flowId, string version, CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredFlowVersion>(
            new CommandDefinition(FindSql, new { FlowId = flowId, Version = version }, cancellationToken: cancellationToken));
    }
}
