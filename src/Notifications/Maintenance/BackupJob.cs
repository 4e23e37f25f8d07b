using CallCenter.Core.Backups;
using Microsoft.Extensions.Logging;
using Notifications.Jobs;
using Quartz;

namespace Notifications.Maintenance;

/// <summary>
/// The scheduled backup (<c>Backup:Cron</c>, UTC): a backup into <c>Backup:Directory</c>, copied to <c>Backup:CopyTo</c>,
/// the oldest beyond <c>Backup:Keep</c> deleted (<see cref="BackupService"/>). One at a time in a cluster; a missed
/// night runs once when the hub is back. A failure (a full disk, a share not mounted) fails the run, so it shows in
/// the jobs API and the run history.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class BackupJob(BackupService backups, TimeProvider time, ILogger<BackupJob> logger) : IJob
{
    public static readonly JobKey Key = new("database", "backup");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = JobProgress.Start(context, logger, time, 1);
        var result = await backups.BackupAsync(new Progress<string>(_ => { }), cancellationToken);
        progress.Report(1, $"{result.Bytes / 1024} KB, {result.Deleted} old deleted");
        LogDone(logger, result.File, result.CopiedTo is not null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled backup {File} done (second copy: {Copied})")]
    private static partial void LogDone(ILogger logger, string file, bool copied);
}
