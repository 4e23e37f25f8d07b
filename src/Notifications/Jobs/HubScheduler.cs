using CallCenter.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Notifications.Jobs;

/// <summary>
/// The hub's one Quartz scheduler, built when the host starts from the engine and connection string the hub already
/// uses (<c>Database</c>), so it needs no settings of its own to find its store. Quartz gets a container of its own
/// (<see cref="QuartzSchedulerBuilder"/>): the engine is only known once configuration is bound, and jobs are built from
/// the hub's services by <see cref="HubJobFactory"/>.
/// </summary>
internal sealed partial class HubScheduler(
    IServiceProvider services,
    IOptions<DatabaseOptions> database,
    IOptions<JobsOptions> options,
    IEnumerable<RecurringJob> declared,
    JobRunListener listener,
    IJobRunRepository runs,
    ILoggerFactory loggerFactory,
    ILogger<HubScheduler> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private StandaloneSchedulerFactory? _factory;
    private IScheduler? _scheduler;

    /// <summary>The running scheduler, or null when it is not started (<c>Jobs:StartScheduler=false</c>, or stopped).</summary>
    public IScheduler? Scheduler => _scheduler is { Status: not (SchedulerStatus.Shutdown or SchedulerStatus.ShuttingDown) } scheduler ? scheduler : null;

    /// <summary>The name this node writes into <c>job_run.node</c>: the cluster instance id, or the machine name.</summary>
    public string Node { get; private set; } = Environment.MachineName;

    /// <summary>The recurring jobs declared at start-up.</summary>
    public IReadOnlyList<RecurringJob> Declared { get; } = declared.ToList();

    /// <summary>Builds the scheduler, stores the declared jobs and starts firing; does nothing when switched off.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.StartScheduler)
        {
            LogNotStarted(logger);
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_scheduler is not null)
            {
                return;
            }

            var clustered = QuartzStore.IsClustered(database.Value.Provider);
            var instanceId = clustered ? $"{Environment.MachineName}-{Guid.NewGuid():N}" : null;
            _factory = QuartzStore.CreateBuilder(database.Value, options.Value, instanceId, services, listener, loggerFactory).Build();
            try
            {
                // Building the scheduler checks Quartz's tables (migration 0013): a missing one stops start-up here.
                var scheduler = await _factory.GetScheduler(cancellationToken);
                Node = instanceId ?? Environment.MachineName;

                // Runs a node left open when it stopped without finishing them: on SQLite every open run (one node);
                // in a cluster those of nodes no longer in the check-in table.
                var liveNodes = clustered ? (await scheduler.QueryClusterNodes(cancellationToken)).Select(n => n.InstanceId).Append(Node).ToList() : [];
                await runs.AbandonOpenRunsAsync(liveNodes, cancellationToken);

                await new RecurringJobSync(scheduler, logger).ApplyAsync(Declared, cancellationToken);
                await scheduler.Start(cancellationToken);
                _scheduler = scheduler;
                LogStarted(logger, scheduler.SchedulerName, Node, database.Value.Provider, clustered, Declared.Count);
            }
            catch
            {
                await DisposeFactoryAsync();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Stops firing, cancels the running jobs' tokens and waits for them up to <c>Jobs:ShutdownWaitSeconds</c>
    /// (or until the host's own stop token gives up), then lets go.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            var scheduler = _scheduler;
            _scheduler = null;
            if (scheduler is null)
            {
                return;
            }

            var wait = TimeSpan.FromSeconds(options.Value.ShutdownWaitSeconds);
            var shutdown = scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None).AsTask();
            try
            {
                await shutdown.WaitAsync(wait, cancellationToken);
                LogStopped(logger, scheduler.SchedulerName, Node);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                LogStopTimedOut(logger, scheduler.SchedulerName, Node, wait);
            }

            await DisposeFactoryAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    // The host stops the scheduler, and the container then disposes it; either may come first, and a host may stop
    // twice, so stopping stays possible after disposal (the gate holds no wait handle and is never disposed).
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        await DisposeFactoryAsync();
    }

    private async Task DisposeFactoryAsync()
    {
        var factory = _factory;
        _factory = null;
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job scheduler not started (Jobs:StartScheduler is false)")]
    private static partial void LogNotStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job scheduler {Scheduler} started on node {Node} ({Engine}, clustered {Clustered}) with {Declared} recurring jobs")]
    private static partial void LogStarted(ILogger logger, string scheduler, string node, string engine, bool clustered, int declared);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job scheduler {Scheduler} on node {Node} stopped")]
    private static partial void LogStopped(ILogger logger, string scheduler, string node);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job scheduler {Scheduler} on node {Node}: running jobs did not stop within {Wait}; leaving them")]
    private static partial void LogStopTimedOut(ILogger logger, string scheduler, string node, TimeSpan wait);
}
