using CallCenter.Testing;
using Notifications.Jobs;
using Quartz;

namespace Notifications.Tests.Jobs;

/// <summary>Two hubs' schedulers on one PostgreSQL database form a cluster: each firing runs on one node only.</summary>
public sealed class ClusterTests
{
    private const int Firings = 20;

    [Fact]
    public async Task TwoClusteredSchedulers_FireEachDueTriggerExactlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Postgres);
        var probe = new JobProbe();
        await using var first = await SchedulerNode.StartAsync(database, probe);
        await using var second = await SchedulerNode.StartAsync(database, probe);
        var due = DateTimeOffset.UtcNow.AddSeconds(2);

        // One-shot triggers all due at the same instant, for a job both nodes can run.
        for (var i = 0; i < Firings; i++)
        {
            var trigger = TriggerBuilder.Create(TimeProvider.System)
                .WithIdentity($"due-{i}", "cluster-test")
                .ForJob(SchedulerNode.Counting)
                .StartAt(due)
                .Build();
            await first.Scheduler.ScheduleTrigger(trigger, TriggerConflict.Throw, CancellationToken.None);
        }

        await probe.WaitForExecutionsAsync(Firings);
        var runs = await TestWait.UntilAsync(
            () => first.Runs.RecentAsync(SchedulerNode.Counting.Group, SchedulerNode.Counting.Name, 100),
            rows => rows.Count >= Firings && rows.All(r => r.Outcome != JobRunOutcomes.Running),
            "every firing's run to finish");
        var left = await TestWait.UntilAsync(
            async () => (await first.Scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals("cluster-test") }, CancellationToken.None)).Items.Count,
            count => count == 0,
            "the one-shot triggers to complete");

        Assert.True((await first.Scheduler.GetMetadata(CancellationToken.None)).JobStoreClustered);
        Assert.NotEqual(first.Hub.Node, second.Hub.Node);
        Assert.Equal(Firings, probe.Executions.Count);
        Assert.Equal(Firings, probe.Executions.Distinct().Count());
        Assert.Equal(Firings, runs.Count);
        Assert.All(runs, r => Assert.Equal(JobRunOutcomes.Succeeded, r.Outcome));
        Assert.All(runs, r => Assert.Contains(r.Node, new[] { first.Hub.Node, second.Hub.Node }));
        Assert.Equal(0, left);
    }

    [Fact]
    public async Task Sqlite_IsNotClustered()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        await using var node = await SchedulerNode.StartAsync(database, new JobProbe());

        var metadata = await node.Scheduler.GetMetadata(CancellationToken.None);

        Assert.True(metadata.JobStorePersistent);
        Assert.False(metadata.JobStoreClustered);
    }
}
