using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Backups;
using CallCenter.Core.Data;
using CallCenter.Core.Seeding;
using CallCenter.Core.Tests.Retention;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Tests.Backups;

/// <summary>A backup restored into an empty database holds every row of every table; a restore never half-lands.</summary>
public sealed class BackupRestoreTests : IDisposable
{
    private static readonly Dictionary<string, string?> SmallHospital = new()
    {
        ["Seed:Patients"] = "40",
        ["Seed:Appointments"] = "30",
        ["Seed:Days"] = "7",
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cc_backup_" + Guid.NewGuid().ToString("N")[..12]);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Restore_IntoEmptyDatabase_FindsEveryRowOfEveryTable(string engine)
    {
        await using var source = await TestDatabase.CreateAsync(engine);
        await using var sourceServices = source.CreateServices(settings: SmallHospital);
        await FillAsync(sourceServices);
        var file = await sourceServices.GetRequiredService<BackupService>().BackupToAsync(_folder, new Progress<string>());
        await using var target = new ScratchDatabase(engine);

        await target.Backups.RestoreAsync(file, replaceExisting: false, new Progress<string>());

        var expected = await CountsAsync(engine, sourceServices);
        var restored = await CountsAsync(engine, target.Services);
        Assert.True(expected.Count(t => t.Value > 0) >= 12, $"the source has rows in only {expected.Count(t => t.Value > 0)} tables");
        Assert.Equal(expected, restored);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Restore_IntoDatabaseWithTables_RefusesWithoutForceAndReplacesWithForce(string engine)
    {
        await using var source = await TestDatabase.CreateAsync(engine);
        await using var sourceServices = source.CreateServices(settings: SmallHospital);
        await FillAsync(sourceServices);
        var file = await sourceServices.GetRequiredService<BackupService>().BackupToAsync(_folder, new Progress<string>());
        await using var target = await TestDatabase.CreateAsync(engine);
        await using var targetServices = target.CreateServices();
        await targetServices.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync("target-password-1", TextWriter.Null);
        var before = await CountsAsync(engine, targetServices);

        var refused = await Assert.ThrowsAsync<BackupFailedException>(() =>
            targetServices.GetRequiredService<BackupService>().RestoreAsync(file, replaceExisting: false, new Progress<string>()));

        Assert.Contains("not empty", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(engine, targetServices));

        await targetServices.GetRequiredService<BackupService>().RestoreAsync(file, replaceExisting: true, new Progress<string>());

        Assert.Equal(await CountsAsync(engine, sourceServices), await CountsAsync(engine, targetServices));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Restore_OfDamagedFile_FailsAndLeavesTheTargetAsItWas(string engine)
    {
        await using var target = await TestDatabase.CreateAsync(engine);
        await using var services = target.CreateServices();
        await services.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync("target-password-1", TextWriter.Null);
        var before = await CountsAsync(engine, services);
        Directory.CreateDirectory(_folder);
        var damaged = Path.Combine(_folder, "damaged.backup");
        await File.WriteAllBytesAsync(damaged, Enumerable.Range(0, 64 * 1024).Select(i => (byte)(i * 7)).ToArray());

        var failed = await Assert.ThrowsAsync<BackupFailedException>(() =>
            services.GetRequiredService<BackupService>().RestoreAsync(damaged, replaceExisting: true, new Progress<string>()));

        Assert.Contains(damaged, failed.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(engine, services));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Restore_OfMissingFile_FailsNamingThePath(string engine)
    {
        await using var target = new ScratchDatabase(engine);
        var missing = Path.Combine(_folder, "no-such-backup.db");

        var failed = await Assert.ThrowsAsync<BackupFailedException>(() => target.Backups.RestoreAsync(missing, replaceExisting: false, new Progress<string>()));

        Assert.Equal($"There is no backup file at {missing}.", failed.Message);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Backup_OfUnreachableDatabase_FailsSayingSoAndWritesNothing(string engine)
    {
        var connectionString = engine == TestEngines.Sqlite
            ? $"Data Source={Path.Combine(_folder, "absent", "callcenter.db")}"
            : new Npgsql.NpgsqlConnectionStringBuilder(TestEngines.ServerConnectionString(engine)) { Port = 1, Timeout = 3 }.ConnectionString;
        await using var services = ScratchDatabase.ServicesFor(engine, connectionString);

        var failed = await Assert.ThrowsAsync<BackupFailedException>(() =>
            services.GetRequiredService<BackupService>().BackupToAsync(Path.Combine(_folder, "out"), new Progress<string>()));

        Assert.Matches(engine == TestEngines.Sqlite ? "^There is no SQLite database at " : "^The PostgreSQL database .* cannot be reached: ", failed.Message);
        Assert.False(Directory.Exists(Path.Combine(_folder, "out")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    // The demo hospital (departments, doctors, slots, patients, phones, consents, appointments, staff, profiles), and a
    // call's worth of the tables the demo leaves empty: a message, a webhook receipt, an IVR session, an audit entry.
    private static async Task FillAsync(ServiceProvider services)
    {
        Assert.True(await services.GetRequiredService<DemoSeeder>().SeedAsync("demo-password-1", TextWriter.Null));
        await services.GetRequiredService<IAuditLog>().WriteAsync(
            new Actor(Guid.NewGuid(), "backup-test", Roles.Admin), "patient.read", Guid.NewGuid(), AuditOutcomes.Success, "backup test");
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        var now = DateTime.UtcNow;
        await RetentionRows.ReceiptAsync(connection, "RT" + Guid.NewGuid().ToString("N"), now);
        await RetentionRows.SessionAsync(connection, "CA" + Guid.NewGuid().ToString("N"), now);
        await RetentionRows.MessageAsync(connection, "SM" + Guid.NewGuid().ToString("N"), "测试 message body", now);
    }

    private static async Task<SortedDictionary<string, long>> CountsAsync(string engine, ServiceProvider services)
    {
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return await TableCounts.ReadAsync(engine, connection);
    }
}
