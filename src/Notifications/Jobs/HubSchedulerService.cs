using Microsoft.Extensions.Hosting;

namespace Notifications.Jobs;

/// <summary>Starts the scheduler with the host and stops it, waiting a bounded time for running jobs, when the host stops.</summary>
internal sealed class HubSchedulerService(HubScheduler scheduler) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => scheduler.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => scheduler.StopAsync(cancellationToken);
}
