using Quartz;

namespace Notifications.Jobs;

internal sealed class JobCatalog(HubScheduler hub, IJobRunRepository runs) : IJobCatalog
{
    private const int PageSize = 500;

    public bool IsRunning => hub.Scheduler is not null;

    public async Task<IReadOnlyList<JobView>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (hub.Scheduler is not { } scheduler)
        {
            return [];
        }

        var jobs = await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.AnyGroup(), Take = PageSize }, cancellationToken);
        var triggers = await scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.AnyGroup(), Take = PageSize }, cancellationToken);
        var last = (await runs.LastFinishedAsync(cancellationToken)).ToDictionary(r => (r.JobGroup, r.JobName));
        var running = (await runs.RunningAsync(cancellationToken)).ToLookup(r => (r.JobGroup, r.JobName));
        var declared = hub.Declared.ToDictionary(d => d.Key);

        var views = new List<JobView>();
        foreach (var job in jobs.Items)
        {
            var key = (job.Key.Group, job.Key.Name);
            var (own, schedule) = await ScheduledTriggersAsync(scheduler, triggers.Items.Where(t => t.JobKey.Equals(job.Key)), cancellationToken);
            last.TryGetValue(key, out var lastRun);
            var now = running[key].LastOrDefault();
            views.Add(new JobView
            {
                Group = job.Key.Group,
                Name = job.Key.Name,
                Description = job.Description,
                Schedule = schedule,
                MisfirePolicy = declared.TryGetValue(job.Key, out var recurring) ? recurring.Misfire.ToString() : null,
                NextFireTime = own.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min(),
                PreviousFireTime = own.Select(t => t.PreviousFireTimeUtc).Where(t => t is not null).Max(),
                Paused = own.Count > 0 && own.All(t => t.State == TriggerState.Paused),
                LastOutcome = lastRun?.Outcome,
                LastOutcomeAt = lastRun?.EndedAt,
                LastError = lastRun?.ErrorSummary,
                Running = now is not null,
                RunningSince = now?.StartedAt,
                RunningNode = now?.Node,
                Progress = now?.ProgressPercent,
                ProgressNote = now?.ProgressNote,
            });
        }

        return views.OrderBy(v => v.Group, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal).ToList();
    }

    public Task<JobCommandResult> RunNowAsync(string group, string name, CancellationToken cancellationToken = default) =>
        WithJobAsync(group, name, async (scheduler, key) => await scheduler.TriggerJob(key, new JobDataMap(), cancellationToken), cancellationToken);

    public Task<JobCommandResult> PauseAsync(string group, string name, CancellationToken cancellationToken = default) =>
        WithJobAsync(group, name, async (scheduler, key) => await scheduler.PauseJob(key, cancellationToken), cancellationToken);

    public Task<JobCommandResult> ResumeAsync(string group, string name, CancellationToken cancellationToken = default) =>
        WithJobAsync(group, name, async (scheduler, key) => await scheduler.ResumeJob(key, cancellationToken), cancellationToken);

    private async Task<JobCommandResult> WithJobAsync(string group, string name, Func<IScheduler, JobKey, Task> action, CancellationToken cancellationToken)
    {
        if (hub.Scheduler is not { } scheduler)
        {
            return JobCommandResult.SchedulerStopped;
        }

        var key = new JobKey(name, group);
        if (!JobNames.IsValid(group) || !JobNames.IsValid(name) || !await scheduler.Exists(key, cancellationToken))
        {
            return JobCommandResult.UnknownJob;
        }

        await action(scheduler, key);
        return JobCommandResult.Done;
    }

    // The job's schedule triggers, leaving out the one-shot triggers a run-now leaves while it is pending.
    private static async Task<(List<TriggerHeader> Triggers, string? Schedule)> ScheduledTriggersAsync(
        IScheduler scheduler, IEnumerable<TriggerHeader> headers, CancellationToken cancellationToken)
    {
        var kept = new List<TriggerHeader>();
        var descriptions = new List<string>();
        foreach (var header in headers)
        {
            if (await scheduler.GetTrigger(header.Key, cancellationToken) is { } trigger && !JobRunListener.IsManual(trigger))
            {
                kept.Add(header);
                descriptions.Add(JobSchedule.Describe(trigger));
            }
        }

        return (kept, descriptions.Count == 0 ? null : string.Join("; ", descriptions));
    }
}
