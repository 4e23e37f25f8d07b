using CallCenter.Core.Common;
using Microsoft.Extensions.Logging;
using Quartz;
using Quartz.Extensibility;

namespace Notifications.Jobs;

/// <summary>
/// Writes every firing into <c>job_run</c>: a running row when it starts, its progress as the job reports it, and its
/// outcome (succeeded, failed with an error summary, cancelled) when it ends. A failure to write is logged and never
/// reaches the job: the history is a record, not a gate.
/// </summary>
internal sealed partial class JobRunListener(IJobRunRepository runs, TimeProvider time, ILogger<JobRunListener> logger) : IJobListener
{
    private const int MaxErrorLength = 500;

    public string Name => "hub-job-runs";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await runs.StartedAsync(new JobRun
            {
                Id = Ids.New(time),
                JobGroup = context.JobDetail.Key.Group,
                JobName = context.JobDetail.Key.Name,
                FireInstanceId = context.FireInstanceId,
                Node = NodeOf(context),
                Manual = IsManual(context.Trigger),
                StartedAt = time.GetUtcNow().UtcDateTime,
                Outcome = JobRunOutcomes.Running,
            }, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWriteFailed(logger, ex, context.JobDetail.Key.Group, context.JobDetail.Key.Name);
        }

        LogStarted(logger, context.JobDetail.Key.Group, context.JobDetail.Key.Name, context.FireInstanceId);
    }

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (outcome, error) = Classify(context, jobException);
        try
        {
            await runs.EndedAsync(NodeOf(context), context.FireInstanceId, time.GetUtcNow().UtcDateTime, outcome, error, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWriteFailed(logger, ex, context.JobDetail.Key.Group, context.JobDetail.Key.Name);
        }

        if (outcome == JobRunOutcomes.Failed)
        {
            LogFailed(logger, context.JobDetail.Key.Group, context.JobDetail.Key.Name, context.FireInstanceId, context.JobRunTime, error);
        }
        else
        {
            LogEnded(logger, context.JobDetail.Key.Group, context.JobDetail.Key.Name, context.FireInstanceId, outcome, context.JobRunTime);
        }
    }

    public async ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(progress);
        try
        {
            await runs.ProgressAsync(NodeOf(context), context.FireInstanceId, progress.Percent, progress.Message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWriteFailed(logger, ex, context.JobDetail.Key.Group, context.JobDetail.Key.Name);
        }
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    /// <summary>True for a firing asked for with TriggerJob (run now) rather than by a schedule.</summary>
    internal static bool IsManual(ITrigger trigger) => trigger.JobDataMap.ContainsKey(SchedulerConstants.ManualTrigger);

    /// <summary>The node as <see cref="HubScheduler.Node"/> names it: the cluster instance id, or the machine.</summary>
    internal static string NodeOf(IJobExecutionContext context) =>
        context.Scheduler.SchedulerInstanceId is { } id && id != QuartzSchedulerOptions.DefaultInstanceId ? id : Environment.MachineName;

    private static (string Outcome, string? Error) Classify(IJobExecutionContext context, JobExecutionException? jobException)
    {
        // Quartz wraps what the job threw (JobExecutionException, JobExecutionProcessException); the job's own exception says why.
        Exception? cause = jobException;
        while (cause is SchedulerException { InnerException: { } inner })
        {
            cause = inner;
        }

        if (context.Outcome == ExecutionOutcome.Cancelled || cause is OperationCanceledException)
        {
            return (JobRunOutcomes.Cancelled, null);
        }

        if (cause is not null || context.Outcome == ExecutionOutcome.Failed)
        {
            return (JobRunOutcomes.Failed, Summarize(cause));
        }

        return (JobRunOutcomes.Succeeded, null);
    }

    // The type and message only (no stack): jobs keep personal data out of exception messages.
    private static string? Summarize(Exception? exception)
    {
        if (exception is null)
        {
            return null;
        }

        var text = $"{exception.GetType().Name}: {exception.Message}";
        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobGroup}.{JobName} started (fire {FireInstanceId})")]
    private static partial void LogStarted(ILogger logger, string jobGroup, string jobName, string fireInstanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobGroup}.{JobName} {Outcome} (fire {FireInstanceId}) after {Duration}")]
    private static partial void LogEnded(ILogger logger, string jobGroup, string jobName, string fireInstanceId, string outcome, TimeSpan duration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobGroup}.{JobName} failed (fire {FireInstanceId}) after {Duration}: {Error}")]
    private static partial void LogFailed(ILogger logger, string jobGroup, string jobName, string fireInstanceId, TimeSpan duration, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write the run history of job {JobGroup}.{JobName}")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string jobGroup, string jobName);
}
