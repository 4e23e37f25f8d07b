using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Notifications.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// The hub's scheduler: Quartz on the hub's own database (persistent, clustered on PostgreSQL and SQL Server),
    /// the run history it keeps in <c>job_run</c>, the admin catalog and the housekeeping job. Started and stopped
    /// with the host; <c>Jobs:StartScheduler=false</c> leaves it stopped.
    /// </summary>
    public static IServiceCollection AddHubJobs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<JobsOptions>()
            .BindConfiguration(JobsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton<IJobRunRepository, JobRunRepository>();
        services.TryAddSingleton<JobRunListener>();
        services.TryAddSingleton<HubScheduler>();
        services.TryAddSingleton<IJobCatalog, JobCatalog>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, HubSchedulerService>());

        services.AddRecurringJob<HousekeepingJob>(
            HousekeepingJob.Key,
            "Purges job run history older than Jobs:RunHistoryDays.",
            JobSchedule.Cron("0 30 3 * * ?"),
            JobMisfirePolicy.RunOnceNow);
        return services;
    }

    /// <summary>
    /// Declares a recurring job: the scheduler stores it with one trigger when it starts. A declaration whose schedule
    /// or misfire policy changed replaces the stored trigger; an unchanged one keeps it (its next fire time and
    /// whether an admin paused it). <typeparamref name="TJob"/> is built per firing from the hub's services.
    /// </summary>
    public static IServiceCollection AddRecurringJob<TJob>(
        this IServiceCollection services, JobKey key, string description, JobSchedule schedule, JobMisfirePolicy misfire)
        where TJob : class, IJob
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(schedule);
        if (!JobNames.IsValid(key.Group) || !JobNames.IsValid(key.Name))
        {
            throw new ArgumentException($"Job key '{key}' must be letters, digits, '.', '_' or '-' (at most {JobNames.MaxLength}).", nameof(key));
        }

        services.TryAddTransient<TJob>();
        services.AddSingleton(new RecurringJob(key, typeof(TJob), description, schedule, misfire));
        return services;
    }
}
