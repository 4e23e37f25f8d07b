using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Extensibility;

namespace Notifications.Jobs;

/// <summary>
/// Builds each firing's job from the hub's services, in a scope of its own that ends with the firing, so a job takes
/// repositories and options by constructor as any other hub class does.
/// </summary>
internal sealed class HubJobFactory(IServiceProvider services) : IJobFactory
{
    public ValueTask<JobScope> CreateJob(TriggerFiredBundle bundle, IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var type = bundle.JobDetail.JobType.Type
            ?? throw new InvalidOperationException($"Job {bundle.JobDetail.Key} names a type this hub does not have ({bundle.JobDetail.JobType.FullName}).");
        var scope = services.CreateAsyncScope();
        try
        {
            var job = (IJob)scope.ServiceProvider.GetRequiredService(type);
            return ValueTask.FromResult(new JobScope(job, scope));
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }

    public async ValueTask ReturnJob(JobScope scope, CancellationToken cancellationToken)
    {
        if (scope.State is AsyncServiceScope serviceScope)
        {
            await serviceScope.DisposeAsync();
        }
    }
}
