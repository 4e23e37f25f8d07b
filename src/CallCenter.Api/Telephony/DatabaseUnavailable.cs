using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CallCenter.Api.Telephony;

/// <summary>
/// Tells a database that cannot be reached from a bug: only the drivers' failures to connect (or a connection the
/// server ended) count. A constraint violation, a syntax error or a null reference is a bug and is not this.
/// </summary>
internal static class DatabaseUnavailable
{
    // SQLite result codes (primary, the low byte of the extended code) that mean the file cannot be used at all.
    private const int SqliteBusy = 5;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteCannotOpen = 14;
    private const int SqliteNotADatabase = 26;

    // SQL Server: -2 timeout, 53 / 40 / 10054 / 10060 / 10061 / 11001 network, 4060 database cannot be opened,
    // 40613 database not currently available.
    private static readonly HashSet<int> SqlServerNumbers = [-2, 40, 53, 233, 4060, 10053, 10054, 10060, 10061, 11001, 40613];

    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (IsConnectionFailure(current))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConnectionFailure(Exception exception) => exception switch
    {
        // A server error: only when the server refused or ended the session (FATAL), or a connection-class state.
        PostgresException postgres => postgres.InvariantSeverity is "FATAL" or "PANIC"
            || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300",
        // Npgsql's own exceptions (not the server's) are connection, network and timeout failures.
        NpgsqlException => true,
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteReadOnly or SqliteIoError
            or SqliteCorrupt or SqliteCannotOpen or SqliteNotADatabase,
        SqlException sqlServer => sqlServer.Class >= 20 || SqlServerNumbers.Contains(sqlServer.Number),
        SocketException or TimeoutException => true,
        DbException => false,
        _ => false,
    };
}
