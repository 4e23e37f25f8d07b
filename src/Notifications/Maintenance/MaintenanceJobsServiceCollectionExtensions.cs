using CallCenter.Core.Backups;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Jobs;

namespace Notifications.Maintenance;

public static class MaintenanceJobsServiceCollectionExtensions
{
    /// <summary>
    /// The scheduled backup (<see cref="BackupJob"/>, at <c>Backup:Cron</c> unless <c>Backup:Scheduled=false</c>) and the
    /// nightly retention purge (<see cref="RetentionJob"/>, 03:45 UTC). A bad <c>Backup:Cron</c> stops start-up.
    /// </summary>
    public static IServiceCollection AddMaintenanceJobs(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var backup = configuration.GetSection(BackupOptions.SectionName).Get<BackupOptions>() ?? new BackupOptions();
        if (backup.Scheduled)
        {
            JobSchedule schedule;
            try
            {
                schedule = JobSchedule.Cron(backup.Cron);
            }
            catch (ArgumentException ex)
            {
                throw new InvalidOperationException($"Backup:Cron '{backup.Cron}' is not a Quartz cron expression (seconds first, e.g. '0 0 2 * * ?').", ex);
            }

            services.AddRecurringJob<BackupJob>(
                BackupJob.Key,
                "Backs the database up to Backup:Directory, copies it to Backup:CopyTo and keeps the newest Backup:Keep.",
                schedule,
                JobMisfirePolicy.RunOnceNow);
        }

        services.AddRecurringJob<RetentionJob>(
            RetentionJob.Key,
            "Deletes webhook receipts and IVR sessions and blanks SMS bodies older than Retention:*.",
            JobSchedule.Cron("0 45 3 * * ?"),
            JobMisfirePolicy.RunOnceNow);
        return services;
    }
}
