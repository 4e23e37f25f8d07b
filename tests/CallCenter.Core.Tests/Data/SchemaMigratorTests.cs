using System.Data.Common;
using CallCenter.Core.Data;
using CallCenter.Testing;
using Dapper;
using DbUp.Engine;

namespace CallCenter.Core.Tests.Data;

public sealed class SchemaMigratorTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Migrate_OnMigratedDatabase_AppliesNothingAndKeepsJournal(string engine)
    {
        var db = await fixture.GetAsync(engine);
        var databaseEngine = DatabaseEngine.Create(db.Options);
        var logger = new RecordingLogger<SchemaMigrator>();

        new SchemaMigrator(databaseEngine, logger).Migrate();

        Assert.DoesNotContain(logger.Messages, m => m.StartsWith("Applied schema script", StringComparison.Ordinal));
        var journaled = databaseEngine.CreateUpgradeBuilder().WithScripts(SchemaMigrator.ScriptsFor(engine)).Build().GetExecutedScripts();
        Assert.Equal(SchemaMigrator.ScriptsFor(engine).Select(s => s.Name), journaled);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Migrate_WithFailingScript_ThrowsNamingTheScript(string engine)
    {
        var db = await fixture.GetAsync(engine);
        var migrator = new SchemaMigrator(DatabaseEngine.Create(db.Options), new RecordingLogger<SchemaMigrator>());
        var scripts = SchemaMigrator.ScriptsFor(engine).Append(new SqlScript("9999_broken.sql", "CREATE TABLE broken_table (")).ToList();

        var error = Assert.Throws<MigrationFailedException>(() => migrator.Migrate(scripts));

        Assert.Equal("9999_broken.sql", error.Script);
        Assert.Equal(engine, error.Engine);
        Assert.Contains("9999_broken.sql", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Schema_InsertDoctorWithUnknownDepartment_IsRefused(string engine)
    {
        var db = await fixture.GetAsync(engine);
        await using var connection = await DatabaseEngine.Create(db.Options).OpenAsync();

        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(
            "INSERT INTO doctor (id, department_id, name, title, created_at) VALUES (@Id, @DepartmentId, @Name, NULL, @CreatedAt)",
            new { Id = Guid.NewGuid(), DepartmentId = Guid.NewGuid(), Name = "Dr Nobody", CreatedAt = DateTime.UtcNow }));
    }

    [Fact]
    public void ScriptsFor_EveryEngine_HasTheSameOrderedFileNames()
    {
        var sqlite = Names(DatabaseProviders.Sqlite);

        Assert.NotEmpty(sqlite);
        Assert.Equal(sqlite, Names(DatabaseProviders.Postgres));
        Assert.Equal(sqlite, Names(DatabaseProviders.SqlServer));
        Assert.Equal(sqlite.Order(StringComparer.Ordinal), sqlite);
        Assert.All(sqlite, name => Assert.Matches(@"^\d{4}_[a-z0-9_]+\.sql$", name));
    }

    [Fact]
    public void ScriptsFor_UnknownEngine_IsEmpty()
    {
        Assert.Empty(SchemaMigrator.ScriptsFor("oracle"));
    }

    private static List<string> Names(string engine) => SchemaMigrator.ScriptsFor(engine).Select(s => s.Name).ToList();
}
