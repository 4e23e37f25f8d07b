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

    // 1205: chosen as a deadlock's victim (the server has rolled the transaction back). 3960: an update conflict under
    // SNAPSHOT isolation. Not 1222 (a lock not granted within SET LOCK_TIMEOUT): the holder was slow, it did not win.
    private const int DeadlockVictim = 1205;
    private const int SnapshotUpdateConflict = 3960;

    public override string Name => DatabaseProviders.SqlServer;

    protected override string PagingClause => "OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY";

    protected override string EpochMillisecondsFormat => "DATEDIFF_BIG(millisecond, CAST('1970-01-01' AS datetime2), {0})";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqlException { Number: UniqueConstraintViolation or UniqueIndexViolation };

    public override bool IsLostRace(DbException exception) =>
        IsUniqueViolation(exception) || exception is SqlException { Number: DeadlockVictim or SnapshotUpdateConflict };

    protected override DbConnection CreateConnection() => new SqlConnection(ConnectionString);

    public override void EnsureDatabaseExists() => EnsureDatabase.For.SqlDatabase(ConnectionString);

    public override UpgradeEngineBuilder CreateUpgradeBuilder() => DeployChanges.To.SqlDatabase(ConnectionString);
}
