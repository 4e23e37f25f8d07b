namespace Notifications.Jobs;

/// <summary>The jobs the scheduler holds, for the admin API: list them, run one now, pause and resume.</summary>
public interface IJobCatalog
{
    /// <summary>False when this hub's scheduler is not running (<c>Jobs:StartScheduler=false</c>, or stopping).</summary>
    bool IsRunning { get; }

    /// <summary>Every job in the store, ordered by group and name; empty when the scheduler is not running.</summary>
    Task<IReadOnlyList<JobView>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Fires the job once now (on whichever node of a cluster picks it up first).</summary>
    Task<JobCommandResult> RunNowAsync(string group, string name, CancellationToken cancellationToken = default);

    /// <summary>Pauses the job's triggers: nothing fires until it is resumed (the pause is stored, so it survives restarts).</summary>
    Task<JobCommandResult> PauseAsync(string group, string name, CancellationToken cancellationToken = default);

    /// <summary>Resumes the job's triggers; firings missed while paused follow the trigger's misfire policy.</summary>
    Task<JobCommandResult> ResumeAsync(string group, string name, CancellationToken cancellationToken = default);
}
