using CallCenter.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Notifications.Jobs;

/// <summary>
/// How the scheduler is put together for each engine: Quartz's ADO job store on the hub's own database (tables from
/// migration 0013), System.Text.Json for job data (the hub's jobs carry primitives only), the hub's logging, its job
/// factory and its run listener.
/// </summary>
internal static class QuartzStore
{
    /// <summary>
    /// Clustered on PostgreSQL and SQL Server: several hubs share one database and each firing runs on one node
    /// (Quartz takes row locks in QRTZ_LOCKS). Not on SQLite: it is one file on one machine, written by one process at
    /// a time; Quartz serializes every SQLite operation itself, and a second hub on the same file is not a supported
    /// deployment, so there is no second node to share firings with.
    /// </summary>
    public static bool IsClustered(string provider) => provider is DatabaseProviders.Postgres or DatabaseProviders.SqlServer;

    public static QuartzSchedulerBuilder CreateBuilder(
        DatabaseOptions database, JobsOptions options, string? instanceId, IServiceProvider hubServices, JobRunListener listener, ILoggerFactory loggerFactory)
    {
        var connectionString = DatabaseEngine.Create(database).ConnectionString;
        return QuartzSchedulerBuilder.Create(q =>
        {
            q.Services.AddSingleton(loggerFactory);
            q.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            q.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = options.SchedulerName;
                if (instanceId is not null)
                {
                    scheduler.InstanceId = instanceId;
                }

                scheduler.IdleWaitTime = TimeSpan.FromSeconds(options.IdleWaitSeconds);

                // A shutdown cancels the running jobs' tokens and then waits for them (bounded by HubScheduler).
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            q.UseDefaultThreadPool(options.MaxConcurrency);
            q.UseJobFactory(new HubJobFactory(hubServices));
            q.AddJobListener(listener, [GroupMatcher<JobKey>.AnyGroup()]);
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(jobStore =>
                {
                    jobStore.MisfireThreshold = TimeSpan.FromSeconds(options.MisfireThresholdSeconds);
                    jobStore.SchemaProvisioning = SchemaProvisioning.Validate;
                });
                switch (database.Provider)
                {
                    case DatabaseProviders.Sqlite:
                        store.UseSqlite(connectionString);
                        break;
                    case DatabaseProviders.Postgres:
                        store.UsePostgres(connectionString);
                        break;
                    case DatabaseProviders.SqlServer:
                        store.UseSqlServer(connectionString);
                        break;
                    default:
                        throw new InvalidOperationException($"Database:Provider '{database.Provider}' has no job store.");
                }

                if (IsClustered(database.Provider))
                {
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = TimeSpan.FromSeconds(options.ClusterCheckinSeconds);
                        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(options.ClusterCheckinSeconds * 2);
                    });
                }
            });
        });
    }
}
