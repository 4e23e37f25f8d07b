namespace Notifications.Jobs;

/// <summary>The job run history (<c>job_run</c>): what ran where, how it ended, how far a running job has got.</summary>
public interface IJobRunRepository
{
    Task StartedAsync(JobRun run, CancellationToken cancellationToken = default);

    Task EndedAsync(string node, string fireInstanceId, DateTime endedAt, string outcome, string? errorSummary, CancellationToken cancellationToken = default);

    Task ProgressAsync(string node, string fireInstanceId, int percent, string? note, CancellationToken cancellationToken = default);

    /// <summary>Marks open runs of nodes not in <paramref name="liveNodes"/> (every open run when it is empty) abandoned.</summary>
    Task<int> AbandonOpenRunsAsync(IReadOnlyCollection<string> liveNodes, CancellationToken cancellationToken = default);

    /// <summary>The latest finished run of every job that has one.</summary>
    Task<IReadOnlyList<JobRun>> LastFinishedAsync(CancellationToken cancellationToken = default);

    /// <summary>The runs open now, on any node.</summary>
    Task<IReadOnlyList<JobRun>> RunningAsync(CancellationToken cancellationToken = default);

    /// <summary>The latest runs of one job, newest first.</summary>
    Task<IReadOnlyList<JobRun>> RecentAsync(string jobGroup, string jobName, int take, CancellationToken cancellationToken = default);

    /// <summary>Deletes finished runs that started before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTime cutoff, CancellationToken cancellationToken = default);
}
