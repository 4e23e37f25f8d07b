using System.Data.Common;
using DbUp;
using DbUp.Builder;
using Npgsql;

namespace CallCenter.Core.Data.Engines;

internal sealed class PostgresEngine(string connectionString) : DatabaseEngine(connectionString)
{
    public override string Name => DatabaseProviders.Postgres;

    protected override string PagingClause => "LIMIT @Take OFFSET @Skip";

    protected override string EpochMillisecondsFormat => "CAST(ROUND(EXTRACT(EPOCH FROM {0}) * 1000) AS bigint)";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    // 40P01: chosen as a deadlock's victim. 40001: a serialization failure (REPEATABLE READ and SERIALIZABLE only).
    // Not 55P03 (a lock not granted within lock_timeout): the holder was slow, it did not win.
    public override bool IsLostRace(DbException exception) =>
        IsUniqueViolation(exception)
        || exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    protected override DbConnection CreateConnection() => new NpgsqlConnection(ConnectionString);

    public override void EnsureDatabaseExists() => EnsureDatabase.For.PostgresqlDatabase(ConnectionString);

    public override UpgradeEngineBuilder CreateUpgradeBuilder() => DeployChanges.To.PostgresqlDatabase(ConnectionString);
}
