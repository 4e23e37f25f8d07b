using System.Data.Common;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.SqlClient;

namespace CallCenter.Core.Data.Engines;

internal sealed class SqlServerEngine(string connectionString) : DatabaseEngine(connectionString)
{
    // 2627: unique constraint; 2601: unique index.
    private const int UniqueConstraintViolation = 2627;
    private const int UniqueIndexViolation = 2601;

    public override string Name => DatabaseProviders.SqlServer;

    protected override string PagingClause => "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqlException { Number: UniqueConstraintViolation or UniqueIndexViolation };

    protected override DbConnection CreateConnection() => new SqlConnection(ConnectionString);

    public override void EnsureDatabaseExists() => EnsureDatabase.For.SqlDatabase(ConnectionString);

    public override UpgradeEngineBuilder CreateUpgradeBuilder() => DeployChanges.To.SqlDatabase(ConnectionString);
}
