namespace Notifications.Jobs;

/// <summary>How a run-now, pause or resume request ended.</summary>
public enum JobCommandResult
{
    Done,
    UnknownJob,
    SchedulerStopped,
}
