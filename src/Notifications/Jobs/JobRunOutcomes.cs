namespace Notifications.Jobs;

/// <summary>The values of <c>job_run.outcome</c>.</summary>
public static class JobRunOutcomes
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>The node stopped (crash, kill) while the run was open; set when the scheduler next starts.</summary>
    public const string Abandoned = "abandoned";
}
