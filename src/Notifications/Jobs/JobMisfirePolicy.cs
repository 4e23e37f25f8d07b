namespace Notifications.Jobs;

/// <summary>
/// What a recurring job does when its trigger missed a firing (the hub was down, paused, or every worker was busy
/// for longer than <c>Jobs:MisfireThresholdSeconds</c>). Every trigger states one: Quartz's "smart policy" default
/// means different things per trigger type, so the hub never relies on it.
/// </summary>
public enum JobMisfirePolicy
{
    /// <summary>
    /// Run once now for all the missed firings, then keep the schedule (cron: FireAndProceed; interval:
    /// NowWithRemainingCount). For catch-up work that must not be skipped: housekeeping, sending due reminders.
    /// </summary>
    RunOnceNow,

    /// <summary>
    /// Skip the missed firings and wait for the next scheduled one (cron: DoNothing; interval:
    /// NextWithRemainingCount). For work tied to its time: a 07:00 report is not sent at 15:00.
    /// </summary>
    SkipToNext,
}
