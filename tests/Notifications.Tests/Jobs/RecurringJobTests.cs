using Microsoft.Extensions.DependencyInjection;
using Notifications.Jobs;
using Quartz;

namespace Notifications.Tests.Jobs;

/// <summary>How a declared recurring job becomes a trigger: the misfire instruction is always stated.</summary>
public sealed class RecurringJobTests
{
    private static readonly JobKey Key = new("name", "group");

    [Theory]
    [InlineData(JobMisfirePolicy.RunOnceNow, CronTriggerMisfireInstruction.FireAndProceed)]
    [InlineData(JobMisfirePolicy.SkipToNext, CronTriggerMisfireInstruction.DoNothing)]
    public void CronTrigger_StatesTheMisfireInstructionOfItsPolicy(JobMisfirePolicy policy, CronTriggerMisfireInstruction expected)
    {
        var job = new RecurringJob(Key, typeof(CountingJob), "d", JobSchedule.Cron("0 0 7 * * ?"), policy);

        var trigger = Assert.IsAssignableFrom<ICronTrigger>(RecurringJobSync.BuildTrigger(job, TimeProvider.System));

        Assert.Equal(expected, trigger.MisfireInstruction);
        Assert.Equal("0 0 7 * * ?", trigger.CronExpressionString);
        Assert.Equal(TimeZoneInfo.Utc.Id, trigger.TimeZone.Id);
        Assert.Equal(job.TriggerKey, trigger.Key);
    }

    [Theory]
    [InlineData(JobMisfirePolicy.RunOnceNow, SimpleTriggerMisfireInstruction.NowWithRemainingCount)]
    [InlineData(JobMisfirePolicy.SkipToNext, SimpleTriggerMisfireInstruction.NextWithRemainingCount)]
    public void IntervalTrigger_StatesTheMisfireInstructionOfItsPolicy(JobMisfirePolicy policy, SimpleTriggerMisfireInstruction expected)
    {
        var job = new RecurringJob(Key, typeof(CountingJob), "d", JobSchedule.Every(TimeSpan.FromMinutes(5)), policy);

        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(RecurringJobSync.BuildTrigger(job, TimeProvider.System));

        Assert.Equal(expected, trigger.MisfireInstruction);
        Assert.Equal(TimeSpan.FromMinutes(5), trigger.RepeatInterval);
        Assert.Equal(-1, trigger.RepeatCount);
    }

    [Fact]
    public void Schedules_DescribeThemselvesAsTheApiShowsThem()
    {
        Assert.Equal("cron 0 30 3 * * ? (UTC)", JobSchedule.Cron("0 30 3 * * ?").Describe());
        Assert.Equal("every 00:05:00", JobSchedule.Every(TimeSpan.FromMinutes(5)).Describe());
    }

    [Fact]
    public void Cron_WithABadExpression_IsRefusedWhenDeclared()
    {
        var error = Assert.Throws<ArgumentException>(() => JobSchedule.Cron("every morning"));

        Assert.Contains("every morning", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRecurringJob_WithAKeyTheApiCannotAddress_IsRefused()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddRecurringJob<CountingJob>(
            new JobKey("has space", "group"), "d", JobSchedule.Every(TimeSpan.FromMinutes(1)), JobMisfirePolicy.SkipToNext));
    }
}
