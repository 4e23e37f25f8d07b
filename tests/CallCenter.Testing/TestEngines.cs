using Xunit;

namespace CallCenter.Testing;

/// <summary>
/// The engines repository and API tests run on: SQLite always, PostgreSQL always (./test.sh starts one and
/// sets <see cref="PostgresVariable"/>), SQL Server only when <see cref="SqlServerVariable"/> holds a connection
/// string (it cannot run on our machines; the only skip the suite allows).
/// </summary>
public static class TestEngines
{
    public const string PostgresVariable = "CALLCENTER_TEST_POSTGRES";
    public const string SqlServerVariable = "CALLCENTER_TEST_SQLSERVER";

    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string SqlServer = "sqlserver";

    /// <summary>Theory rows, one per engine: <c>[MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]</c>.</summary>
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { Sqlite, Postgres };
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SqlServerVariable)))
            {
                data.Add(SqlServer);
            }

            return data;
        }
    }

    /// <summary>The server connection string for an engine; fails loudly when PostgreSQL was not provided.</summary>
    public static string ServerConnectionString(string engine) => engine switch
    {
        Postgres => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } pg
            ? pg
            : throw new InvalidOperationException(
                $"PostgreSQL tests need {PostgresVariable} (run ./test.sh, which starts a throwaway PostgreSQL and sets it)."),
        SqlServer => Environment.GetEnvironmentVariable(SqlServerVariable)
            ?? throw new InvalidOperationException($"{SqlServerVariable} is not set."),
        _ => throw new ArgumentException($"Engine '{engine}' has no server.", nameof(engine)),
    };
}
