using System.Data.Common;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;

namespace CallCenter.Core.Data.Engines;

/// <summary>The embedded default: one file, foreign keys on, WAL journal, waits on a busy writer.</summary>
internal sealed class SqliteEngine(string connectionString) : DatabaseEngine(Normalize(connectionString))
{
    // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (extended result codes).
    private const int UniqueConstraint = 2067;
    private const int PrimaryKeyConstraint = 1555;

    // SQLITE_BUSY is how SQLite settles two writers (it detects no deadlocks): at once when waiting could deadlock or
    // this transaction's snapshot went stale, otherwise after the busy timeout. SQLITE_LOCKED: the same within a
    // shared cache. Primary result codes: an extended one (SQLITE_BUSY_SNAPSHOT, 517) has its primary in the low byte.
    private const int Busy = 5;
    private const int Locked = 6;

    public override string Name => DatabaseProviders.Sqlite;

    protected override string PagingClause => "LIMIT @Take OFFSET @Skip";

    protected override string EpochMillisecondsFormat => "CAST(ROUND((julianday({0}) - 2440587.5) * 86400000.0) AS INTEGER)";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: UniqueConstraint or PrimaryKeyConstraint };

    public override bool IsLostRace(DbException exception) =>
        IsUniqueViolation(exception) || (exception is SqliteException { SqliteErrorCode: var code } && (code & 0xFF) is Busy or Locked);

    protected override DbConnection CreateConnection() => new SqliteConnection(ConnectionString);

    public override void EnsureDatabaseExists()
    {
        var dataSource = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // WAL is a property of the file: readers no longer block the writer. Set once, it persists.
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    public override UpgradeEngineBuilder CreateUpgradeBuilder() => DeployChanges.To.SqliteDatabase(ConnectionString);

    private static string Normalize(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        };

        // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout: that is the busy timeout.
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ConnectionString;
    }
}
