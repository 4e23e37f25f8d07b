using CallCenter.Api.Infrastructure;
using CallCenter.Core.Backups;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>The <c>backup</c> and <c>restore</c> commands: exit codes, progress and the reason for a refusal.</summary>
public sealed class BackupCliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cc_cli_" + Guid.NewGuid().ToString("N")[..12]);

    [Theory]
    [InlineData("backup", "--to")]
    [InlineData("backup", "now")]
    [InlineData("restore")]
    [InlineData("restore", "--force")]
    [InlineData("restore", "file.db", "--wipe")]
    public async Task Run_WithArgumentsItDoesNotTake_PrintsUsageAndReturns2(params string[] args)
    {
        var output = new StringWriter();

        var exit = await BackupCli.RunAsync(args, output, () => throw new InvalidOperationException("no service needed"), CancellationToken.None);

        Assert.Equal(BackupCli.UsageError, exit);
        Assert.Contains("Usage: backup [--to <folder>]", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BackupThenRestoreIntoTheSameDatabase_WritesTheFileThenRefusesWithoutForce()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        await using var services = database.CreateServices();
        var backups = services.GetRequiredService<BackupService>;
        var output = new StringWriter();

        var backedUp = await BackupCli.RunAsync(["backup", "--to", _folder, "--Backup:Keep=3"], output, backups, CancellationToken.None);
        var file = Assert.Single(Directory.GetFiles(_folder));
        var refused = await BackupCli.RunAsync(["restore", file], output, backups, CancellationToken.None);

        Assert.Equal(BackupCli.Done, backedUp);
        Assert.Equal(BackupCli.Failed, refused);
        var lines = output.ToString();
        Assert.Contains("Copying the SQLite database", lines, StringComparison.Ordinal);
        Assert.Contains($"Backup done: {file}", lines, StringComparison.Ordinal);
        Assert.Contains("Failed: The target database is not empty", lines, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RestoreOfAFileThatIsNotThere_Returns1NamingIt()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        await using var services = database.CreateServices();
        var output = new StringWriter();
        var missing = Path.Combine(_folder, "missing.db");

        var exit = await BackupCli.RunAsync(["restore", missing, "--force"], output, services.GetRequiredService<BackupService>, CancellationToken.None);

        Assert.Equal(BackupCli.Failed, exit);
        Assert.Contains($"Failed: There is no backup file at {missing}.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SettingArguments_KeepsOnlySectionKeyValues()
    {
        Assert.Equal(
            ["--Database:Provider=postgres", "--Backup:Directory=/mnt/b"],
            BackupCli.SettingArguments(["restore", "--Database:Provider=postgres", "x.dump", "--force", "--Backup:Directory=/mnt/b"]));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
