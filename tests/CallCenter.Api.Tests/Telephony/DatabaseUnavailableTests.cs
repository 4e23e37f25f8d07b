using System.Data.Common;
using System.Net.Sockets;
using CallCenter.Api.Telephony;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CallCenter.Api.Tests.Telephony;

/// <summary>Only a database that cannot be reached becomes an apology; a bug stays a bug (500, logged).</summary>
public sealed class DatabaseUnavailableTests
{
    public static TheoryData<string, Exception> Unreachable => new()
    {
        { "sqlite cannot open", new SqliteException("unable to open database file", 14) },
        { "sqlite not a database", new SqliteException("file is not a database", 26) },
        { "postgres refused", new PostgresException("database is not currently accepting connections", "FATAL", "FATAL", "55000") },
        { "postgres shut down", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01") },
        { "npgsql network", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)) },
        { "socket", new SocketException((int)SocketError.ConnectionRefused) },
        { "timeout", new TimeoutException() },
        { "wrapped", new InvalidOperationException("wrapped", new SqliteException("unable to open database file", 14)) },
    };

    public static TheoryData<string, Exception> Bugs => new()
    {
        { "sqlite constraint", new SqliteException("UNIQUE constraint failed", 19) },
        { "sqlite syntax", new SqliteException("near \"SELEC\": syntax error", 1) },
        { "postgres unique", new PostgresException("duplicate key", "ERROR", "ERROR", "23505") },
        { "postgres currval", new PostgresException("currval is not yet defined", "ERROR", "ERROR", "55000") },
        { "argument", new ArgumentException("bug") },
        { "invalid operation", new InvalidOperationException("bug") },
    };

    [Theory]
    [MemberData(nameof(Unreachable))]
    public void Is_ConnectionFailure_IsTrue(string name, Exception exception)
    {
        Assert.True(DatabaseUnavailable.Is(exception), name);
    }

    [Theory]
    [MemberData(nameof(Bugs))]
    public void Is_Bug_IsFalse(string name, Exception exception)
    {
        Assert.False(DatabaseUnavailable.Is(exception), name);
        Assert.False(exception is DbException && DatabaseUnavailable.Is(new AggregateException(exception)), name);
    }
}
