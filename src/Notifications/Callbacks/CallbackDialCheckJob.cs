using CallCenter.Core.Callbacks;
using Microsoft.Extensions.Logging;
using Notifications.Jobs;
using Quartz;

namespace Notifications.Callbacks;

/// <summary>
/// Every minute (Callbacks:DialCheckInterval): callback dials in flight longer than Callbacks:DialCheckAfter (their
/// final status callback never came) are looked up at the carrier and ended as it says, once; a call still going waits
/// for the next check. Ending is conditional on the attempt, so an overlapping run or a late webhook changes nothing.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class CallbackDialCheckJob(CallbackDialChecks checks, TimeProvider time, ILogger<CallbackDialCheckJob> logger) : IJob
{
    public static readonly JobKey Key = new("callback-dial-check", "callbacks");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = JobProgress.Start(context, logger, time, 1);
        var result = await checks.CheckAsync(cancellationToken);
        progress.Report(1, result.ToString());
        if (result.Ended + result.Unknown > 0)
        {
            LogChecked(logger, result.Ended, result.Unknown, result.StillGoing, result.Unanswered);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback dials without a final status: {Ended} ended as the carrier reported, {Unknown} unknown to the carrier (failed), {StillGoing} still going, {Unanswered} not answered by the carrier")]
    private static partial void LogChecked(ILogger logger, int ended, int unknown, int stillGoing, int unanswered);
}
