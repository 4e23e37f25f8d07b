using CallCenter.Core;
using CallCenter.Core.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CallCenter.Testing;

/// <summary>
/// A fresh, migrated database on a real engine: a temp file for SQLite, a new database on the PostgreSQL or
/// SQL Server test server. Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _serverConnectionString;
    private readonly string _databaseName;

    private TestDatabase(string engine, string connectionString, string databaseName, string? sqliteFile, string? serverConnectionString)
    {
        Engine = engine;
        ConnectionString = connectionString;
        _databaseName = databaseName;
        _sqliteFile = sqliteFile;
        _serverConnectionString = serverConnectionString;
    }

    public string Engine { get; }

    public string ConnectionString { get; }

    public DatabaseOptions Options => new() { Provider = Engine, ConnectionString = ConnectionString };

    /// <summary>Settings that point a hub (or a service collection) at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Engine,
        ["Database:ConnectionString"] = ConnectionString,
        [$"Encryption:Keys:{TestKeyId}"] = TestKey,
    };

    /// <summary>The field-encryption key every test hub and service collection is given (a test clears it to go without).</summary>
    public const string TestKeyId = "test-1";

    public const string TestKey = "dGVzdC1maWVsZC1lbmNyeXB0aW9uLWtleS0zMmJ5dGU=";

    public static Task<TestDatabase> CreateAsync(string engine) => CreateAsync(engine, lastScript: null);

    /// <summary>
    /// A fresh database with the schema scripts only up to and including <paramref name="lastScript"/>: a migration's
    /// test puts the data of the schema before it in place, then migrates the rest.
    /// </summary>
    public static Task<TestDatabase> CreateThroughAsync(string engine, string lastScript) => CreateAsync(engine, lastScript);

    private static Task<TestDatabase> CreateAsync(string engine, string? lastScript)
    {
        var name = "cc_test_" + Guid.NewGuid().ToString("N")[..16];
        TestDatabase database;
        switch (engine)
        {
            case TestEngines.Sqlite:
                var file = Path.Combine(Path.GetTempPath(), name + ".db");
                database = new TestDatabase(engine, $"Data Source={file}", name, file, null);
                break;
            case TestEngines.Postgres:
                var pgServer = TestEngines.ServerConnectionString(engine);
                var pg = new NpgsqlConnectionStringBuilder(pgServer) { Database = name, Pooling = true };
                database = new TestDatabase(engine, pg.ConnectionString, name, null, pgServer);
                break;
            case TestEngines.SqlServer:
                var sqlServer = TestEngines.ServerConnectionString(engine);
                var sql = new SqlConnectionStringBuilder(sqlServer) { InitialCatalog = name };
                database = new TestDatabase(engine, sql.ConnectionString, name, null, sqlServer);
                break;
            default:
                throw new ArgumentException($"Unknown engine '{engine}'.", nameof(engine));
        }

        var engineInstance = DatabaseEngine.Create(database.Options);
        var migrator = new SchemaMigrator(engineInstance, NullLogger<SchemaMigrator>.Instance);
        if (lastScript is null)
        {
            migrator.Migrate();
        }
        else
        {
            var scripts = SchemaMigrator.ScriptsFor(engine);
            if (!scripts.Any(s => s.Name == lastScript))
            {
                throw new ArgumentException($"No schema script {lastScript} for {engine}.", nameof(lastScript));
            }

            migrator.Migrate(scripts.Where(s => string.CompareOrdinal(s.Name, lastScript) <= 0).ToList());
        }

        return Task.FromResult(database);
    }

    /// <summary>
    /// The core services wired to this database, with a <see cref="FakeTimeProvider"/> and the given extra
    /// settings; what repository tests resolve their subjects from.
    /// </summary>
    public ServiceProvider CreateServices(FakeTimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Settings)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero)));
        services.AddCallCenterCore();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                TryDelete(_sqliteFile + suffix);
            }

            return;
        }

        if (Engine == TestEngines.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_serverConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        else if (Engine == TestEngines.SqlServer)
        {
            SqlConnection.ClearAllPools();
            await using var connection = new SqlConnection(_serverConnectionString);
            await connection.OpenAsync();
            await using var command = new SqlCommand(
                $"ALTER DATABASE [{_databaseName}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_databaseName}];", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A temp file left behind is harmless.
        }
    }
}
