using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Notifications.Jobs;

/// <summary>
/// Purges <c>job_run</c> rows older than <c>Jobs:RunHistoryDays</c> (finished runs only), nightly at 03:30 UTC. A
/// missed night runs once when the hub is back (RunOnceNow): the purge is catch-up work, and running it twice
/// deletes nothing more. Idempotent, so a run-now from the API is always safe.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class HousekeepingJob(IJobRunRepository runs, IOptions<JobsOptions> options, TimeProvider time, ILogger<HousekeepingJob> logger) : IJob
{
    public static readonly JobKey Key = new("job-run-purge", "housekeeping");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = JobProgress.Start(context, logger, time, 1);
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.RunHistoryDays);
        var purged = await runs.PurgeAsync(cutoff, cancellationToken);
        progress.Report(1, $"purged {purged}");
        LogPurged(logger, purged, options.Value.RunHistoryDays);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Purged} job runs older than {Days} days")]
    private static partial void LogPurged(ILogger logger, int purged, int days);
}
