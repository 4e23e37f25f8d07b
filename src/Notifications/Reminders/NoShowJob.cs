using CallCenter.Core.Reminders;
using Microsoft.Extensions.Logging;
using Notifications.Jobs;
using Quartz;

namespace Notifications.Reminders;

/// <summary>
/// Marks appointments not checked in by their start plus the department's grace as no-shows, every minute (each is a
/// conditional transition heard by the reminder listeners: reminders withdrawn, a rebooking invitation). A missed
/// minute runs once when the hub is back; running twice marks nothing twice.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class NoShowJob(ReminderRuns runs, TimeProvider time, ILogger<NoShowJob> logger) : IJob
{
    public static readonly JobKey Key = new("no-show-marking", "reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = JobProgress.Start(context, logger, time, 1);
        var marked = await runs.MarkNoShowsAsync(cancellationToken);
        progress.Report(1, $"marked {marked}");
        if (marked > 0)
        {
            LogMarked(logger, marked);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Marked {Marked} appointments as no-show")]
    private static partial void LogMarked(ILogger logger, int marked);
}
