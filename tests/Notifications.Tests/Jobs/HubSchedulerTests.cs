using CallCenter.Testing;
using Notifications.Jobs;
using Quartz;

namespace Notifications.Tests.Jobs;

/// <summary>The scheduler on a real database (SQLite and PostgreSQL), started and stopped as the hub does it.</summary>
public sealed class HubSchedulerTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Restart_OnTheSameDatabase_KeepsJobsTheirNextFireTimesAndPauses(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var probe = new JobProbe();
        DateTimeOffset? cronNext, intervalNext;
        await using (var first = await SchedulerNode.StartAsync(database, probe))
        {
            cronNext = (await first.Scheduler.GetTrigger(new TriggerKey(HousekeepingJob.Key.Name, HousekeepingJob.Key.Group)))!.NextFireTimeUtc;
            intervalNext = (await first.Scheduler.GetTrigger(new TriggerKey(SchedulerNode.Interval.Name, SchedulerNode.Interval.Group)))!.NextFireTimeUtc;
            Assert.Equal(JobCommandResult.Done, await first.Catalog.PauseAsync(SchedulerNode.Counting.Group, SchedulerNode.Counting.Name));
        }

        await using var second = await SchedulerNode.StartAsync(database, probe);
        var jobs = await second.Catalog.ListAsync();

        Assert.NotNull(cronNext);
        Assert.NotNull(intervalNext);
        var housekeeping = Assert.Single(jobs, j => j.Group == HousekeepingJob.Key.Group && j.Name == HousekeepingJob.Key.Name);
        Assert.Equal(cronNext, housekeeping.NextFireTime);
        Assert.Equal("cron 0 30 3 * * ? (UTC)", housekeeping.Schedule);
        Assert.Equal(nameof(JobMisfirePolicy.RunOnceNow), housekeeping.MisfirePolicy);
        var interval = Assert.Single(jobs, j => j.Name == SchedulerNode.Interval.Name);
        Assert.Equal(intervalNext, interval.NextFireTime); // an unchanged declaration keeps its stored trigger
        Assert.Equal("every 01:00:00", interval.Schedule);
        Assert.True(Assert.Single(jobs, j => j.Name == SchedulerNode.Counting.Name).Paused);
        Assert.False(housekeeping.Paused);
        var stored = await second.Scheduler.GetTrigger(new TriggerKey(HousekeepingJob.Key.Name, HousekeepingJob.Key.Group));
        Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, Assert.IsAssignableFrom<ICronTrigger>(stored).MisfireInstruction);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunNow_FiresTheJobOnceAndRecordsSucceeded(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var probe = new JobProbe();
        await using var node = await SchedulerNode.StartAsync(database, probe);

        var result = await node.Catalog.RunNowAsync(SchedulerNode.Counting.Group, SchedulerNode.Counting.Name);
        var run = await TestWait.FinishedRunAsync(node.Runs, SchedulerNode.Counting);

        Assert.Equal(JobCommandResult.Done, result);
        Assert.Single(probe.Executions);
        Assert.Equal(JobRunOutcomes.Succeeded, run.Outcome);
        Assert.True(run.Manual);
        Assert.Equal(node.Hub.Node, run.Node);
        Assert.NotNull(run.EndedAt);
        Assert.Null(run.ErrorSummary);
        var view = Assert.Single(await node.Catalog.ListAsync(), j => j.Name == SchedulerNode.Counting.Name);
        Assert.Equal(JobRunOutcomes.Succeeded, view.LastOutcome);
        Assert.False(view.Running);
        Assert.Equal(SchedulerNode.Dormant.Describe(), view.Schedule); // the run-now's own trigger is not the job's schedule
        Assert.Single(await node.Runs.RecentAsync(SchedulerNode.Counting.Group, SchedulerNode.Counting.Name, 10));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task PauseThenResume_StopsAndRestartsTheSchedule(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var node = await SchedulerNode.StartAsync(database, new JobProbe());
        var trigger = new TriggerKey(SchedulerNode.Interval.Name, SchedulerNode.Interval.Group);

        Assert.Equal(JobCommandResult.Done, await node.Catalog.PauseAsync(SchedulerNode.Interval.Group, SchedulerNode.Interval.Name));
        var paused = await node.Scheduler.GetTriggerState(trigger);
        var pausedView = Assert.Single(await node.Catalog.ListAsync(), j => j.Name == SchedulerNode.Interval.Name);
        Assert.Equal(JobCommandResult.Done, await node.Catalog.ResumeAsync(SchedulerNode.Interval.Group, SchedulerNode.Interval.Name));
        var resumed = await node.Scheduler.GetTriggerState(trigger);
        var resumedView = Assert.Single(await node.Catalog.ListAsync(), j => j.Name == SchedulerNode.Interval.Name);

        Assert.Equal(TriggerState.Paused, paused);
        Assert.True(pausedView.Paused);
        Assert.Equal(TriggerState.Normal, resumed);
        Assert.False(resumedView.Paused);
        Assert.NotNull(resumedView.NextFireTime);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task UnknownJob_IsRefusedAndNothingRuns(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var probe = new JobProbe();
        await using var node = await SchedulerNode.StartAsync(database, probe);

        Assert.Equal(JobCommandResult.UnknownJob, await node.Catalog.RunNowAsync("test", "no-such-job"));
        Assert.Equal(JobCommandResult.UnknownJob, await node.Catalog.PauseAsync("no-such-group", "counting"));
        Assert.Equal(JobCommandResult.UnknownJob, await node.Catalog.ResumeAsync("test", "not valid!"));
        Assert.Empty(probe.Executions);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FailingJob_IsRecordedAsFailedWithItsError(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var node = await SchedulerNode.StartAsync(database, new JobProbe());

        await node.Catalog.RunNowAsync(SchedulerNode.Failing.Group, SchedulerNode.Failing.Name);
        var run = await TestWait.FinishedRunAsync(node.Runs, SchedulerNode.Failing);

        Assert.Equal(JobRunOutcomes.Failed, run.Outcome);
        Assert.Equal("InvalidOperationException: The test job failed on purpose.", run.ErrorSummary);
        var view = Assert.Single(await node.Catalog.ListAsync(), j => j.Name == SchedulerNode.Failing.Name);
        Assert.Equal(JobRunOutcomes.Failed, view.LastOutcome);
        Assert.Equal(run.ErrorSummary, view.LastError);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunningJob_ShowsAsRunningNowWithItsProgress(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var probe = new JobProbe();
        await using var node = await SchedulerNode.StartAsync(database, probe);

        await node.Catalog.RunNowAsync(SchedulerNode.Slow.Group, SchedulerNode.Slow.Name);
        await probe.Started.Task.WaitAsync(TestWait.Limit);
        var running = await TestWait.UntilAsync(
            async () => (await node.Catalog.ListAsync()).Single(j => j.Name == SchedulerNode.Slow.Name),
            view => view.Progress == 50,
            "the slow job's progress in the list");
        probe.Release.TrySetResult();
        var run = await TestWait.FinishedRunAsync(node.Runs, SchedulerNode.Slow);

        Assert.True(running.Running);
        Assert.Equal("half way", running.ProgressNote);
        Assert.Equal(node.Hub.Node, running.RunningNode);
        Assert.Equal(JobRunOutcomes.Succeeded, run.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Shutdown_CancelsARunningJobAndWaitsForIt(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var probe = new JobProbe();
        await using var node = await SchedulerNode.StartAsync(database, probe);
        await node.Catalog.RunNowAsync(SchedulerNode.Slow.Group, SchedulerNode.Slow.Name);
        await probe.Started.Task.WaitAsync(TestWait.Limit);

        await node.StopAsync();

        Assert.True(probe.Finished.Task.IsCompleted, "the stop returned before the running job ended");
        Assert.True(probe.SawCancellation);
        Assert.Null(node.Hub.Scheduler);
        var run = Assert.Single(await node.Runs.RecentAsync(SchedulerNode.Slow.Group, SchedulerNode.Slow.Name, 10));
        Assert.Equal(JobRunOutcomes.Cancelled, run.Outcome);
    }

    [Fact]
    public async Task Shutdown_OfAJobThatIgnoresCancellation_GivesUpAfterTheConfiguredWait()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        var probe = new JobProbe();
        await using var node = await SchedulerNode.StartAsync(database, probe, new Dictionary<string, string?> { ["Jobs:ShutdownWaitSeconds"] = "1" });
        await node.Catalog.RunNowAsync(SchedulerNode.Stubborn.Group, SchedulerNode.Stubborn.Name);
        await probe.Started.Task.WaitAsync(TestWait.Limit);

        await node.StopAsync();

        Assert.False(probe.Finished.Task.IsCompleted, "the job was meant to be still running");
        Assert.Null(node.Hub.Scheduler);
        probe.Release.TrySetResult();
        await probe.Finished.Task.WaitAsync(TestWait.Limit);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Start_MarksRunsLeftOpenByAStoppedNodeAbandoned(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var probe = new JobProbe();
        await using (var first = await SchedulerNode.StartAsync(database, probe))
        {
            await first.Runs.StartedAsync(new JobRun
            {
                Id = Guid.CreateVersion7(), JobGroup = "test", JobName = "counting", FireInstanceId = "left-open",
                Node = "a-node-that-died", StartedAt = DateTime.UtcNow, Outcome = JobRunOutcomes.Running,
            });
        }

        await using var second = await SchedulerNode.StartAsync(database, probe);
        var run = Assert.Single(await second.Runs.RecentAsync("test", "counting", 10));

        Assert.Equal(JobRunOutcomes.Abandoned, run.Outcome);
        Assert.DoesNotContain(await second.Catalog.ListAsync(), j => j.Running);
    }
}
