using System.ComponentModel.DataAnnotations;

namespace Notifications.Jobs;

/// <summary>The scheduler's settings (section <c>Jobs</c>). The database is the hub's own (<c>Database</c>).</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>
    /// Start the scheduler with the hub. Off in hosts that need no jobs (most API test hosts): the job store's
    /// tables are still there and <c>GET /api/jobs</c> answers 503, but no threads poll the database.
    /// </summary>
    public bool StartScheduler { get; set; } = true;

    /// <summary>The scheduler's name, shared by every node of a cluster (the job store's <c>SCHED_NAME</c>).</summary>
    [Required(ErrorMessage = "Jobs:SchedulerName is required.")]
    [RegularExpression("^[A-Za-z0-9_.-]{1,100}$", ErrorMessage = "Jobs:SchedulerName must be 1-100 letters, digits, '.', '_' or '-'.")]
    public string SchedulerName { get; set; } = "callcenter";

    /// <summary>How many jobs one node runs at once.</summary>
    [Range(1, 64, ErrorMessage = "Jobs:MaxConcurrency must be between 1 and 64.")]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>On shutdown, how long running jobs get to finish after their cancellation token is cancelled.</summary>
    [Range(0, 600, ErrorMessage = "Jobs:ShutdownWaitSeconds must be between 0 and 600.")]
    public int ShutdownWaitSeconds { get; set; } = 30;

    /// <summary>How late a firing may be before it counts as misfired and its trigger's misfire policy decides.</summary>
    [Range(1, 3600, ErrorMessage = "Jobs:MisfireThresholdSeconds must be between 1 and 3600.")]
    public int MisfireThresholdSeconds { get; set; } = 60;

    /// <summary>How often a clustered node checks in (PostgreSQL, SQL Server); a node silent for longer is presumed dead.</summary>
    [Range(1, 600, ErrorMessage = "Jobs:ClusterCheckinSeconds must be between 1 and 600.")]
    public int ClusterCheckinSeconds { get; set; } = 15;

    /// <summary>How long the hub keeps job run history (<c>job_run</c>); the housekeeping job purges older rows.</summary>
    [Range(1, 3650, ErrorMessage = "Jobs:RunHistoryDays must be between 1 and 3650.")]
    public int RunHistoryDays { get; set; } = 30;

    /// <summary>
    /// How often an idle scheduler looks for due triggers when nothing told it of a change (another node's
    /// scheduling, a trigger due later). Quartz's default is 30 s; a run-now on this node is seen at once.
    /// </summary>
    [Range(1, 300, ErrorMessage = "Jobs:IdleWaitSeconds must be between 1 and 300.")]
    public int IdleWaitSeconds { get; set; } = 30;
}
