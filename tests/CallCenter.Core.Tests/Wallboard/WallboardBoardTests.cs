using System.Text.Json;
using CallCenter.Core.Wallboard;
using CallCenter.Testing;
using CallCenter.Testing.Wallboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Wallboard;

/// <summary>The board read from a real database holding docs/wallboard.md's worked example; expected values by hand.</summary>
public sealed class WallboardBoardTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(WallboardWorkedExample.Now));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Current_WorkedExample_QueueFiguresMatchHandComputed(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var services = database.CreateServices(_time);
        var example = await WallboardWorkedExample.SeedAsync(services);

        var snapshot = await services.GetRequiredService<IWallboardBoard>().CurrentAsync();

        Assert.Equal(WallboardWorkedExample.Now, snapshot.At);
        Assert.Equal("Asia/Shanghai", snapshot.TimeZone);
        var queue = Assert.Single(snapshot.Queues, q => q.Queue == example.Queue);
        Assert.Equal((1, WallboardWorkedExample.Local(9, 58, 0), 120.0, 1, 20), (queue.WaitingNow, queue.OldestWaitingSince, queue.LongestWaitNowSeconds, queue.CallbacksPending, queue.ServiceLevelSeconds));
        WallboardCalculatorTests.AssertToday(queue.Today);
        WallboardCalculatorTests.AssertLast30Minutes(queue.Last30Minutes);
        Assert.Equal(new QueueLevels(ThresholdLevel.Critical, ThresholdLevel.Critical, ThresholdLevel.Warning), queue.Levels);
        Assert.Equal((60, 120, 80, 60, 1, 5), (queue.Thresholds.LongestWaitWarningSeconds, queue.Thresholds.LongestWaitCriticalSeconds,
            queue.Thresholds.ServiceLevelWarningPercent, queue.Thresholds.ServiceLevelCriticalPercent, queue.Thresholds.WaitingWarning, queue.Thresholds.WaitingCritical));

        // Only agent X holds the queue's skill.
        Assert.Equal(new AgentCounts(1, 0, 0, 0, 0), queue.Agents);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Current_WorkedExample_CentreAddsQueuesAndCountsEveryAgent(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var services = database.CreateServices(_time);
        await WallboardWorkedExample.SeedAsync(services);

        var centre = (await services.GetRequiredService<IWallboardBoard>().CurrentAsync()).Centre;

        Assert.Null(centre.Queue);
        Assert.Null(centre.ServiceLevelSeconds);
        Assert.Equal((1, 120.0, 1), (centre.WaitingNow, centre.LongestWaitNowSeconds, centre.CallbacksPending));
        WallboardCalculatorTests.AssertToday(centre.Today);
        Assert.Equal((1, 0, 0, 1, 0), (centre.Agents.Available, centre.Agents.OnCall, centre.Agents.WrapUp, centre.Agents.Break, centre.Agents.Offline));
        Assert.Equal(1, centre.Agents.BreaksByReason["training"]);
        Assert.Equal(new QueueLevels(ThresholdLevel.Critical, ThresholdLevel.Critical, ThresholdLevel.Warning), centre.Levels);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Current_WorkedExample_RosterHasHandledAndOccupancyToday(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var services = database.CreateServices(_time);
        var example = await WallboardWorkedExample.SeedAsync(services);

        var agents = (await services.GetRequiredService<IWallboardBoard>().CurrentAsync()).Agents;

        var x = Assert.Single(agents, a => a.AgentId == example.AgentX);
        Assert.Equal(("available", (string?)null, WallboardWorkedExample.Local(9, 42, 45), 3), (x.State, x.Reason, x.Since, x.HandledToday));

        // (15 s reserved + 540 s busy + 120 s wrap-up) ÷ (those + 3,825 s available) = 675 ÷ 4,500.
        Assert.Equal(15.0, x.OccupancyPercent!.Value, 6);
        var y = Assert.Single(agents, a => a.AgentId == example.AgentY);
        Assert.Equal(("break", "training", 0), (y.State, y.Reason, y.HandledToday));
        Assert.Null(y.OccupancyPercent);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Current_AfterRestart_ShowsTheSameDay(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        string before;
        await using (var first = database.CreateServices(_time))
        {
            await WallboardWorkedExample.SeedAsync(first);
            before = JsonSerializer.Serialize(await first.GetRequiredService<IWallboardBoard>().CurrentAsync());
        }

        // A new hub process: nothing kept in memory, the same database.
        await using var second = database.CreateServices(_time);
        var after = await second.GetRequiredService<IWallboardBoard>().CurrentAsync();

        Assert.Equal(before, JsonSerializer.Serialize(after));
        Assert.Equal(8, after.Centre.Today.Offered);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Current_ZoneFromSettings_MovesTheDayStart(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var services = database.CreateServices(_time, new Dictionary<string, string?> { ["Wallboard:TimeZone"] = "Etc/GMT+12" });
        var example = await WallboardWorkedExample.SeedAsync(services);

        var snapshot = await services.GetRequiredService<IWallboardBoard>().CurrentAsync();

        // Etc/GMT+12 is UTC-12: 02:00 UTC is 14:00 on the 22nd there, whose day began at 12:00 UTC on the 22nd; the call that
        // joined at 23:59 on the 22nd in Shanghai (15:59 UTC) is today's there.
        Assert.Equal("Etc/GMT+12", snapshot.TimeZone);
        Assert.Equal(9, Assert.Single(snapshot.Queues, q => q.Queue == example.Queue).Today.Offered);
    }
}
