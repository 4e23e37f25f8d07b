using Microsoft.Extensions.Logging;
using Quartz;

namespace Notifications.Jobs;

/// <summary>
/// Puts the declared recurring jobs into the job store as the scheduler starts. A job is stored (durable) if missing;
/// its trigger is scheduled if missing and replaced only when its schedule or misfire policy changed, so a restart
/// keeps the stored next fire time and an admin's pause. In a cluster several nodes may do this at once: storing is
/// idempotent and the database's keys settle the race.
/// </summary>
internal sealed partial class RecurringJobSync(IScheduler scheduler, ILogger logger)
{
    public async Task ApplyAsync(IReadOnlyList<RecurringJob> declared, CancellationToken cancellationToken)
    {
        foreach (var job in declared)
        {
            var detail = JobBuilder.Create()
                .OfType(job.JobType)
                .WithIdentity(job.Key)
                .WithDescription(job.Description)
                .StoreDurably(true)
                .DisallowConcurrentExecution(true)
                .Build();
            await scheduler.AddJob(detail, AddJobOptions.Replacing, cancellationToken);

            var trigger = BuildTrigger(job, scheduler.TimeProvider);
            var stored = await scheduler.GetTrigger(job.TriggerKey, cancellationToken);
            if (stored is not null && SameSchedule(stored, trigger))
            {
                continue;
            }

            await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
            LogScheduled(logger, job.Key.Group, job.Key.Name, job.Schedule.Describe(), job.Misfire);
        }
    }

    /// <summary>The one trigger of a recurring job, with its misfire instruction stated explicitly.</summary>
    internal static ITrigger BuildTrigger(RecurringJob job, TimeProvider time)
    {
        var builder = TriggerBuilder.Create(time)
            .WithIdentity(job.TriggerKey)
            .ForJob(job.Key)
            .WithDescription(job.Description);
        if (job.Schedule.CronExpression is { } cron)
        {
            var schedule = CronScheduleBuilder.Create(cron)
                .InTimeZone(job.Schedule.TimeZone!)
                .WithMisfireInstruction(job.Misfire == JobMisfirePolicy.RunOnceNow
                    ? CronTriggerMisfireInstruction.FireAndProceed
                    : CronTriggerMisfireInstruction.DoNothing);
            return builder.WithSchedule(schedule).StartNow().Build();
        }

        var interval = job.Schedule.Interval!.Value;
        var simple = SimpleScheduleBuilder.Create()
            .WithInterval(interval)
            .RepeatForever()
            .WithMisfireInstruction(job.Misfire == JobMisfirePolicy.RunOnceNow
                ? SimpleTriggerMisfireInstruction.NowWithRemainingCount
                : SimpleTriggerMisfireInstruction.NextWithRemainingCount);
        return builder.WithSchedule(simple).StartAt(time.GetUtcNow() + interval).Build();
    }

    private static bool SameSchedule(ITrigger stored, ITrigger wanted) => (stored, wanted) switch
    {
        (ICronTrigger a, ICronTrigger b) => a.CronExpressionString == b.CronExpressionString
            && a.TimeZone.Id == b.TimeZone.Id && a.MisfireInstruction == b.MisfireInstruction
            && a.Description == b.Description,
        (ISimpleTrigger a, ISimpleTrigger b) => a.RepeatInterval == b.RepeatInterval
            && a.RepeatCount == b.RepeatCount && a.MisfireInstruction == b.MisfireInstruction
            && a.Description == b.Description,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring job {JobGroup}.{JobName} scheduled: {Schedule}, misfire {Misfire}")]
    private static partial void LogScheduled(ILogger logger, string jobGroup, string jobName, string schedule, JobMisfirePolicy misfire);
}
