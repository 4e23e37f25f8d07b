using CallCenter.Core.Callbacks;
using Microsoft.Extensions.Logging;
using Notifications.Jobs;
using Quartz;

namespace Notifications.Callbacks;

/// <summary>
/// Every few seconds (Callbacks:JobInterval): claims the callbacks that are due and fires each once (agent-first to
/// the router, customer-first to the carrier, outside calling hours to the next window). The claim is a conditional
/// update, so a run that overlaps another node's (or repeats after a misfire) fires nothing twice.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class CallbackDialJob(CallbackRuns runs, TimeProvider time, ILogger<CallbackDialJob> logger) : IJob
{
    public static readonly JobKey Key = new("callback-dial", "callbacks");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var progress = JobProgress.Start(context, logger, time, 1);
        var result = await runs.RunDueAsync(cancellationToken);
        progress.Report(1, result.ToString());
        if (result.Fired > 0)
        {
            LogFired(logger, result.Offered, result.Dialled, result.Deferred, result.Lost);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Callbacks fired: {Offered} to agents, {Dialled} dialled, {Deferred} deferred to calling hours, {Lost} taken by another run")]
    private static partial void LogFired(ILogger logger, int offered, int dialled, int deferred, int lost);
}
