using CallCenter.Core.Retention;
using Microsoft.Extensions.Logging;
using Notifications.Jobs;
using Quartz;

namespace Notifications.Maintenance;

/// <summary>
/// Nightly purge of webhook receipts, IVR sessions and SMS bodies older than <c>Retention:*</c> (<see cref="RetentionPurger"/>).
/// Idempotent: a second run finds nothing more; a missed night runs once when the hub is back.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class RetentionJob(RetentionPurger purger, TimeProvider time, ILogger<RetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("purge", "retention");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = JobProgress.Start(context, logger, time, 0);
        var result = await purger.PurgeAsync(new Progress<int>(done => progress.Report(done)), cancellationToken);
        progress.Report(result.WebhookReceipts + result.IvrSessions + result.MessageBodies, "done");
        LogPurged(logger, result.WebhookReceipts, result.IvrSessions, result.MessageBodies);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Receipts} webhook receipts and {Sessions} IVR sessions deleted, {Bodies} SMS bodies blanked")]
    private static partial void LogPurged(ILogger logger, int receipts, int sessions, int bodies);
}
