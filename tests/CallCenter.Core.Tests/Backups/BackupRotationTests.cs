using CallCenter.Core.Backups;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Backups;

/// <summary>Scheduled backups: named by time, copied to the second folder, the oldest beyond Keep or MaxAgeDays deleted.</summary>
public sealed class BackupRotationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cc_rotation_" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Backup_RunThreeTimesWithKeepTwo_KeepsTheNewestTwoInBothFolders()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        var local = Path.Combine(_folder, "local");
        var share = Path.Combine(_folder, "share");
        await using var services = database.CreateServices(time, new Dictionary<string, string?>
        {
            ["Backup:Directory"] = local,
            ["Backup:CopyTo"] = share,
            ["Backup:Keep"] = "2",
        });
        var backups = services.GetRequiredService<BackupService>();

        var results = new List<BackupResult>();
        for (var night = 0; night < 3; night++)
        {
            results.Add(await backups.BackupAsync(new Progress<string>()));
            time.Advance(TimeSpan.FromDays(1));
        }

        string[] expected = ["callcenter-20261202-020000-000.db", "callcenter-20261203-020000-000.db"];
        Assert.Equal(expected, Directory.GetFiles(local).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(expected, Directory.GetFiles(share).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Path.Combine(share, expected[1]), results[^1].CopiedTo);
        Assert.Equal(2, results[^1].Deleted);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(local, expected[1])), await File.ReadAllBytesAsync(Path.Combine(share, expected[1])));
    }

    [Fact]
    public async Task Backup_WithMaxAgeDays_DeletesOlderOnesButNeverTheNewest()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        await using var services = database.CreateServices(time, new Dictionary<string, string?>
        {
            ["Backup:Directory"] = _folder,
            ["Backup:Keep"] = "100",
            ["Backup:MaxAgeDays"] = "7",
        });
        var backups = services.GetRequiredService<BackupService>();
        var unrelated = Path.Combine(_folder, "callcenter-notes.txt");
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(unrelated, "not a backup");

        await backups.BackupAsync(new Progress<string>());
        time.Advance(TimeSpan.FromDays(5));
        await backups.BackupAsync(new Progress<string>());
        time.Advance(TimeSpan.FromDays(5));
        await backups.BackupAsync(new Progress<string>());

        Assert.Equal(
            ["callcenter-20261206-020000-000.db", "callcenter-20261211-020000-000.db", "callcenter-notes.txt"],
            Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Backup_WhenTheSecondFolderCannotBeWritten_FailsSayingTheLocalBackupWasMade()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        Directory.CreateDirectory(_folder);
        var blocker = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the share should be");
        await using var services = database.CreateServices(settings: new Dictionary<string, string?>
        {
            ["Backup:Directory"] = Path.Combine(_folder, "local"),
            ["Backup:CopyTo"] = blocker,
        });

        var failed = await Assert.ThrowsAsync<BackupFailedException>(() => services.GetRequiredService<BackupService>().BackupAsync(new Progress<string>()));

        Assert.Contains("was made, but copying it to Backup:CopyTo", failed.Message, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(_folder, "local")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
