using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Data;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Maintenance;

/// <summary>The backup and retention jobs on a hub whose scheduler runs: declared, and run now from the jobs API.</summary>
public sealed class MaintenanceJobsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cc_jobs_backup_" + Guid.NewGuid().ToString("N")[..12]);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task BackupAndRetentionJobs_RunNow_WriteABackupWithItsCopyAndPurgeOldReceipts(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var hub = new ApiFactory(database, new Dictionary<string, string?>
        {
            ["Jobs:StartScheduler"] = "true",
            ["Jobs:IdleWaitSeconds"] = "1",
            ["Backup:Directory"] = Path.Combine(_folder, "local"),
            ["Backup:CopyTo"] = Path.Combine(_folder, "share"),
        });
        var admin = (await hub.SignInAsAsync(Roles.Admin)).Client;
        var now = hub.Time.GetUtcNow().UtcDateTime;
        var connections = hub.Services.GetRequiredService<IDbConnectionFactory>();
        await using (var connection = await connections.OpenAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO webhook_receipt (idempotency_token, received_at) VALUES ('old', @Old), ('new', @New)",
                new { Old = now.AddDays(-31), New = now.AddDays(-1) });
        }

        var jobs = await admin.GetFromJsonAsync<List<JobDto>>("/api/jobs");
        var backupRun = await admin.PostAsync(new Uri("/api/jobs/backup/database/run", UriKind.Relative), null);
        var retentionRun = await admin.PostAsync(new Uri("/api/jobs/retention/purge/run", UriKind.Relative), null);
        var copies = await Polling.UntilAsync(
            () => Task.FromResult(Directory.Exists(Path.Combine(_folder, "share")) ? Directory.GetFiles(Path.Combine(_folder, "share")) : []),
            files => files.Length == 1 && !files[0].EndsWith(".partial", StringComparison.Ordinal),
            "the backup job to copy its backup to Backup:CopyTo");
        var receipts = await Polling.UntilAsync(
            async () =>
            {
                await using var connection = await connections.OpenAsync();
                return (await connection.QueryAsync<string>("SELECT idempotency_token FROM webhook_receipt")).ToList();
            },
            tokens => !tokens.Contains("old"),
            "the retention job to delete the old receipt");

        Assert.Equal("cron 0 0 2 * * ? (UTC)", Assert.Single(jobs!, j => j.Group == "backup" && j.Name == "database").Schedule);
        Assert.Equal("cron 0 45 3 * * ? (UTC)", Assert.Single(jobs!, j => j.Group == "retention" && j.Name == "purge").Schedule);
        Assert.Equal(HttpStatusCode.Accepted, backupRun.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retentionRun.StatusCode);
        Assert.Equal(Path.GetFileName(copies[0]), Path.GetFileName(Assert.Single(Directory.GetFiles(Path.Combine(_folder, "local")))));
        Assert.Equal(["new"], receipts);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed record JobDto(string Group, string Name, string? Schedule);
}
