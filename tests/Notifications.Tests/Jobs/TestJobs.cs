using Quartz;

namespace Notifications.Tests.Jobs;

/// <summary>Counts its executions into the probe, by trigger.</summary>
public sealed class CountingJob(JobProbe probe) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        probe.Executed(context.Trigger.Key.ToString());
        return ValueTask.CompletedTask;
    }
}

/// <summary>Fails every time, with a message that holds no personal data.</summary>
public sealed class FailingJob : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The test job failed on purpose.");
}

/// <summary>Reports half its work done, then waits for the probe's release or for cancellation.</summary>
public sealed class SlowJob(JobProbe probe, TimeProvider time, Microsoft.Extensions.Logging.ILogger<SlowJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var progress = Notifications.Jobs.JobProgress.Start(context, logger, time, 10);
        progress.Report(5, "half way");
        probe.Started.TrySetResult();
        try
        {
            await probe.Release.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.SawCancellation = true;
            throw;
        }
        finally
        {
            probe.Finished.TrySetResult();
        }
    }
}

/// <summary>Reports progress, then waits for the probe's release and ignores cancellation (a job that will not stop).</summary>
public sealed class StubbornJob(JobProbe probe) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        probe.Started.TrySetResult();
        await probe.Release.Task;
        probe.Finished.TrySetResult();
    }
}
