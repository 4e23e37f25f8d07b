using CallCenter.Core;
using CallCenter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Jobs;
using Quartz;

namespace Notifications.Tests.Jobs;

/// <summary>
/// One hub's scheduler on a test database, wired as the hub wires it (Core's data services, AddHubJobs) plus the test
/// jobs, which report to a probe the test shares between nodes. Started by the test; stopped on dispose.
/// </summary>
internal sealed class SchedulerNode : IAsyncDisposable
{
    public static readonly JobKey Counting = new("counting", "test");
    public static readonly JobKey Failing = new("failing", "test");
    public static readonly JobKey Slow = new("slow", "test");
    public static readonly JobKey Stubborn = new("stubborn", "test");
    public static readonly JobKey Interval = new("interval", "test");

    // Never fires by itself while a test runs (1 January 2099): tests fire jobs with run-now or a trigger of their own.
    public static readonly JobSchedule Dormant = JobSchedule.Cron("0 0 0 1 1 ? 2099");

    private readonly ServiceProvider _services;

    private SchedulerNode(ServiceProvider services)
    {
        _services = services;
        Hub = services.GetRequiredService<HubScheduler>();
    }

    public HubScheduler Hub { get; }

    public IScheduler Scheduler => Hub.Scheduler ?? throw new InvalidOperationException("The scheduler is not running.");

    public IJobCatalog Catalog => _services.GetRequiredService<IJobCatalog>();

    public IJobRunRepository Runs => _services.GetRequiredService<IJobRunRepository>();

    public static async Task<SchedulerNode> StartAsync(TestDatabase database, JobProbe probe, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:IdleWaitSeconds"] = "1", ["Jobs:ClusterCheckinSeconds"] = "2" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddCallCenterCore();
        services.AddHubJobs();
        services.AddSingleton(probe);
        services.AddRecurringJob<CountingJob>(Counting, "Counts its runs.", Dormant, JobMisfirePolicy.SkipToNext);
        services.AddRecurringJob<FailingJob>(Failing, "Always fails.", Dormant, JobMisfirePolicy.SkipToNext);
        services.AddRecurringJob<SlowJob>(Slow, "Waits for the test.", Dormant, JobMisfirePolicy.SkipToNext);
        services.AddRecurringJob<StubbornJob>(Stubborn, "Ignores cancellation.", Dormant, JobMisfirePolicy.SkipToNext);
        services.AddRecurringJob<CountingJob>(Interval, "Every hour.", JobSchedule.Every(TimeSpan.FromHours(1)), JobMisfirePolicy.RunOnceNow);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var node = new SchedulerNode(provider);
        await node.Hub.StartAsync(CancellationToken.None);
        return node;
    }

    public Task StopAsync() => Hub.StopAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Hub.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
