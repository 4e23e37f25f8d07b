using System.Data.Common;
using DbUp;
using DbUp.Builder;
using Npgsql;

namespace CallCenter.Core.Data.Engines;

internal sealed class PostgresEngine(string connectionString) : DatabaseEngine(connectionString)
{
    public override string Name => DatabaseProviders.Postgres;

    protected override string PagingClause => "LIMIT @Take OFFSET @Skip";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    protected override DbConnection CreateConnection() => new NpgsqlConnection(ConnectionString);

    public override void EnsureDatabaseExists() => EnsureDatabase.For.PostgresqlDatabase(ConnectionString);

    public override UpgradeEngineBuilder CreateUpgradeBuilder() => DeployChanges.To.PostgresqlDatabase(ConnectionString);
}
