using Quartz;

namespace Notifications.Jobs;

/// <summary>
/// A job the hub schedules for itself, declared once at start-up with <see cref="JobsServiceCollectionExtensions.AddRecurringJob{TJob}"/>.
/// The scheduler stores it (and its one trigger, named like the job) in the job store when it starts.
/// </summary>
/// <param name="Key">Group and name: the job's identity in the store and in <c>/api/jobs/{group}/{name}</c>.</param>
/// <param name="JobType">The <see cref="IJob"/> class; built per firing from the hub's services.</param>
/// <param name="Description">One line for people, shown by the jobs API.</param>
/// <param name="Schedule">When it fires.</param>
/// <param name="Misfire">What it does about firings it missed.</param>
public sealed record RecurringJob(JobKey Key, Type JobType, string Description, JobSchedule Schedule, JobMisfirePolicy Misfire)
{
    /// <summary>The trigger of a recurring job has the job's own group and name.</summary>
    public TriggerKey TriggerKey => new(Key.Name, Key.Group);
}
