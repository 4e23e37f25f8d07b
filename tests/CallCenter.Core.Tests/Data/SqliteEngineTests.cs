using CallCenter.Core.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CallCenter.Core.Tests.Data;

/// <summary>The embedded engine's file handling: what a first start on a new machine does.</summary>
public sealed class SqliteEngineTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cc-sqlite-" + Guid.NewGuid().ToString("N")[..12]);

    private string DatabaseFile => Path.Combine(_root, "missing", "nested", "hub.db");

    [Fact]
    public void Migrate_FileUnderMissingDirectory_CreatesItAndAppliesEveryScript()
    {
        var engine = DatabaseEngine.Create(new DatabaseOptions { Provider = DatabaseProviders.Sqlite, ConnectionString = $"Data Source={DatabaseFile}" });
        var logger = new RecordingLogger<SchemaMigrator>();

        new SchemaMigrator(engine, logger).Migrate();

        Assert.True(File.Exists(DatabaseFile));
        var applied = logger.Messages.Where(m => m.StartsWith("Applied schema script", StringComparison.Ordinal)).ToList();
        Assert.Equal(SchemaMigrator.ScriptsFor(DatabaseProviders.Sqlite).Count, applied.Count);
    }

    [Fact]
    public async Task OpenAsync_AfterMigrate_UsesWalAndEnforcesForeignKeys()
    {
        var engine = DatabaseEngine.Create(new DatabaseOptions { Provider = DatabaseProviders.Sqlite, ConnectionString = $"Data Source={DatabaseFile}" });
        new SchemaMigrator(engine, new RecordingLogger<SchemaMigrator>()).Migrate();

        await using var connection = await engine.OpenAsync();
        var journalMode = await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode");
        var foreignKeys = await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys");

        Assert.Equal("wal", journalMode, ignoreCase: true);
        Assert.Equal(1, foreignKeys);
        var error = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(
            "INSERT INTO doctor (id, department_id, name, title, created_at) VALUES (@Id, @DepartmentId, 'Dr Nobody', NULL, @CreatedAt)",
            new { Id = Guid.NewGuid().ToString(), DepartmentId = Guid.NewGuid().ToString(), CreatedAt = "2026-11-23T01:00:00Z" }));
        Assert.Contains("FOREIGN KEY", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
