using CallCenter.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CallCenter.Core.Tests.Data;

/// <summary>
/// Each engine tells a unique violation and a lost race (a concurrent transaction won) from other failures, from the
/// exceptions its driver throws: PostgreSQL by SQLSTATE, SQL Server by error number, SQLite by result code.
/// </summary>
public sealed class DialectErrorTests
{
    private static readonly DatabaseEngine Postgres = Engine(DatabaseProviders.Postgres, "Host=localhost;Database=x");
    private static readonly DatabaseEngine SqlServer = Engine(DatabaseProviders.SqlServer, "Server=x;Database=y");
    private static readonly DatabaseEngine Sqlite = Engine(DatabaseProviders.Sqlite, "Data Source=:memory:");

    [Theory]
    [InlineData(PostgresErrorCodes.DeadlockDetected, true)]
    [InlineData(PostgresErrorCodes.SerializationFailure, true)]
    [InlineData(PostgresErrorCodes.LockNotAvailable, false)] // lock_timeout: the holder was slow, it did not win
    [InlineData(PostgresErrorCodes.UniqueViolation, true)]
    [InlineData(PostgresErrorCodes.ForeignKeyViolation, false)]
    [InlineData(PostgresErrorCodes.CheckViolation, false)]
    [InlineData(PostgresErrorCodes.QueryCanceled, false)]
    [InlineData(PostgresErrorCodes.SyntaxError, false)]
    public void IsLostRace_PostgresException_AnswersBySqlState(string sqlState, bool lost)
    {
        var error = new PostgresException("test", "ERROR", "ERROR", sqlState);

        Assert.Equal(lost, Postgres.IsLostRace(error));
    }

    [Theory]
    [InlineData(1205, true)]  // deadlock victim
    [InlineData(1222, false)] // lock request timed out: the holder was slow, it did not win
    [InlineData(3960, true)]  // snapshot update conflict
    [InlineData(2627, true)]  // unique constraint
    [InlineData(2601, true)]  // unique index
    [InlineData(547, false)]  // foreign key or check constraint
    [InlineData(102, false)]  // syntax error
    [InlineData(-2, false)]   // client timeout
    public void IsLostRace_SqlException_AnswersByErrorNumber(int number, bool lost)
    {
        var error = SqlServerErrors.Exception(number);

        Assert.Equal(number, error.Number);
        Assert.Equal(lost, SqlServer.IsLostRace(error));
    }

    [Theory]
    [InlineData(5, 5, true)]       // SQLITE_BUSY
    [InlineData(5, 517, true)]     // SQLITE_BUSY_SNAPSHOT
    [InlineData(6, 6, true)]       // SQLITE_LOCKED
    [InlineData(517, 517, true)]   // an extended code where the primary one is expected
    [InlineData(19, 2067, true)]   // SQLITE_CONSTRAINT_UNIQUE
    [InlineData(19, 1555, true)]   // SQLITE_CONSTRAINT_PRIMARYKEY
    [InlineData(19, 787, false)]   // SQLITE_CONSTRAINT_FOREIGNKEY
    [InlineData(19, 275, false)]   // SQLITE_CONSTRAINT_CHECK
    [InlineData(1, 1, false)]      // SQLITE_ERROR
    [InlineData(8, 8, false)]      // SQLITE_READONLY
    public void IsLostRace_SqliteException_AnswersByResultCode(int code, int extendedCode, bool lost)
    {
        var error = new SqliteException("test", code, extendedCode);

        Assert.Equal(lost, Sqlite.IsLostRace(error));
    }

    [Fact]
    public void IsUniqueViolation_LostRaceThatIsNotOne_False()
    {
        Assert.False(Postgres.IsUniqueViolation(new PostgresException("test", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected)));
        Assert.False(SqlServer.IsUniqueViolation(SqlServerErrors.Exception(1205)));
        Assert.False(Sqlite.IsUniqueViolation(new SqliteException("test", 5, 5)));
    }

    [Fact]
    public void IsUniqueViolation_EachEnginesOwnCodes_True()
    {
        Assert.True(Postgres.IsUniqueViolation(new PostgresException("test", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
        Assert.True(SqlServer.IsUniqueViolation(SqlServerErrors.Exception(2627)));
        Assert.True(SqlServer.IsUniqueViolation(SqlServerErrors.Exception(2601)));
        Assert.True(Sqlite.IsUniqueViolation(new SqliteException("test", 19, 2067)));
        Assert.True(Sqlite.IsUniqueViolation(new SqliteException("test", 19, 1555)));
    }

    // An engine answers only for its own driver: another engine's deadlock is not one it lost.
    [Fact]
    public void IsLostRace_AnotherDriversException_False()
    {
        var deadlock = new PostgresException("test", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected);

        Assert.False(SqlServer.IsLostRace(deadlock));
        Assert.False(Sqlite.IsLostRace(deadlock));
        Assert.False(Postgres.IsLostRace(SqlServerErrors.Exception(1205)));
        Assert.False(Postgres.IsLostRace(new SqliteException("test", 5, 5)));
    }

    private static DatabaseEngine Engine(string provider, string connectionString) =>
        DatabaseEngine.Create(new DatabaseOptions { Provider = provider, ConnectionString = connectionString });
}
