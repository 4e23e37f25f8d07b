using CallCenter.Core.Backups;
using CallCenter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CallCenter.Core.Tests.Backups;

/// <summary>
/// A database that does not exist yet (an SQLite file path, a PostgreSQL database name), with the hub's core services
/// pointed at it: the target of a restore. Removed on dispose.
/// </summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string? _file;
    private readonly string _name = "cc_test_" + Guid.NewGuid().ToString("N")[..16];

    public ScratchDatabase(string engine, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Engine = engine;
        if (engine == TestEngines.Sqlite)
        {
            _file = Path.Combine(Path.GetTempPath(), _name, "restored.db");
            ConnectionString = $"Data Source={_file}";
        }
        else
        {
            ConnectionString = new NpgsqlConnectionStringBuilder(TestEngines.ServerConnectionString(engine)) { Database = _name }.ConnectionString;
        }

        Services = ServicesFor(engine, ConnectionString, settings);
    }

    public string Engine { get; }

    public string ConnectionString { get; }

    public ServiceProvider Services { get; }

    public BackupService Backups => Services.GetRequiredService<BackupService>();

    public static ServiceProvider ServicesFor(string engine, string connectionString, IReadOnlyDictionary<string, string?>? settings = null, FakeTimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = engine, ["Database:ConnectionString"] = connectionString })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time ?? new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero)));
        services.AddCallCenterCore();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Path.GetDirectoryName(_file)!, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestEngines.ServerConnectionString(Engine));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
