using CallCenter.Core.Wallboard;
using CallCenter.Core.Wallboard.Alerts;
using CallCenter.Testing;
using CallCenter.Testing.Wallboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Wallboard.Alerts;

/// <summary>The alert check on a real database, as two hub nodes (two service providers) sharing it.</summary>
public sealed class WallboardAlertCheckTests
{
    private static readonly QueueThresholds Thresholds = new() { WaitingWarning = 2, WaitingCritical = 5 };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(AlertBoards.Now));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunOnce_CrossingSeenByTwoNodesAndAgain_RaisedEmailedAndPushedOnce(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var first = AlertNode.Start(database, _time);
        await using var second = AlertNode.Start(database, _time);
        first.Board = second.Board = Waiting(3, ThresholdLevel.Warning);

        var raised = await first.Check.RunOnceAsync();
        var again = await second.Check.RunOnceAsync();
        var third = await first.Check.RunOnceAsync();

        var alert = Assert.Single(raised);
        Assert.Empty(again);
        Assert.Empty(third);
        Assert.Equal(("q1", AlertMetrics.Waiting, ThresholdLevel.Normal, ThresholdLevel.Warning, 3.0, (double?)2, true),
            (alert.Alert.Queue, alert.Alert.Metric, alert.Alert.Previous, alert.Alert.Level, alert.Alert.Value, alert.Alert.Threshold, alert.Emailed));
        Assert.Single(first.Emails);
        Assert.Empty(second.Emails);
        Assert.Equal(alert.Id, Assert.Single(first.Pushed).Id);
        Assert.Empty(second.Pushed);
        var history = await first.Services.GetRequiredService<IWallboardAlertRepository>().RecentAsync(10);
        Assert.Equal(alert, Assert.Single(history));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunOnce_TwoNodesAtOnce_OneRaisesTheCrossing(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var first = AlertNode.Start(database, _time);
        await using var second = AlertNode.Start(database, _time);
        await first.Services.GetRequiredService<IWallboardAlertRepository>().EnsureAsync("q1", AlertMetrics.Waiting, AlertBoards.Now);
        first.Board = second.Board = Waiting(6, ThresholdLevel.Critical);

        var both = await Task.WhenAll(Task.Run(() => first.Check.RunOnceAsync()), Task.Run(() => second.Check.RunOnceAsync()));

        Assert.Single(both.SelectMany(r => r));
        Assert.Single(first.Emails.Concat(second.Emails));
        Assert.Single(await first.Services.GetRequiredService<IWallboardAlertRepository>().RecentAsync(10));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunOnce_WarningAgainWithinTheWindow_RecordedAndPushedNotEmailed_CriticalBypassesIt(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var node = AlertNode.Start(database, _time);

        node.Board = Waiting(3, ThresholdLevel.Warning);
        var warning = Assert.Single(await node.Check.RunOnceAsync());
        _time.Advance(TimeSpan.FromMinutes(2));
        node.Board = Waiting(0, ThresholdLevel.Normal);
        var normal = Assert.Single(await node.Check.RunOnceAsync());
        _time.Advance(TimeSpan.FromMinutes(2));
        node.Board = Waiting(3, ThresholdLevel.Warning);
        var warningAgain = Assert.Single(await node.Check.RunOnceAsync());
        node.Board = Waiting(6, ThresholdLevel.Critical);
        var critical = Assert.Single(await node.Check.RunOnceAsync());
        node.Board = Waiting(3, ThresholdLevel.Warning);
        var criticalDown = Assert.Single(await node.Check.RunOnceAsync());
        node.Board = Waiting(6, ThresholdLevel.Critical);
        var criticalAgain = Assert.Single(await node.Check.RunOnceAsync());
        _time.Advance(TimeSpan.FromMinutes(15));
        node.Board = Waiting(0, ThresholdLevel.Normal);
        Assert.Single(await node.Check.RunOnceAsync());
        node.Board = Waiting(3, ThresholdLevel.Warning);
        var afterWindow = Assert.Single(await node.Check.RunOnceAsync());

        Assert.Equal(
            [true, false, false, true, false, false, true],
            new[] { warning, normal, warningAgain, critical, criticalDown, criticalAgain, afterWindow }.Select(a => a.Emailed));
        Assert.Equal([ThresholdLevel.Warning, ThresholdLevel.Critical, ThresholdLevel.Warning], node.Emails.Select(e => e.Level));
        Assert.Equal(8, node.Pushed.Count);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunOnce_RealBoardOfTheWorkedExample_RaisesItsThreeLevelsOnce(string engine)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(WallboardWorkedExample.Now));
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var node = AlertNode.Start(database, time, realBoard: true);
        var example = await WallboardWorkedExample.SeedAsync(node.Services);

        var raised = await node.Check.RunOnceAsync();
        var again = await node.Check.RunOnceAsync();

        Assert.Equal(
            [(AlertMetrics.LongestWait, ThresholdLevel.Critical), (AlertMetrics.ServiceLevel, ThresholdLevel.Critical), (AlertMetrics.Waiting, ThresholdLevel.Warning)],
            raised.Where(r => r.Alert.Queue == example.Queue).Select(r => (r.Alert.Metric, r.Alert.Level)).Order());
        Assert.Equal((120.0, (double?)120), raised.Where(r => r.Alert.Queue == example.Queue && r.Alert.Metric == AlertMetrics.LongestWait).Select(r => (r.Alert.Value, r.Alert.Threshold)).Single());
        Assert.Empty(again);
    }

    private static WallboardSnapshot Waiting(int waiting, ThresholdLevel level) =>
        AlertBoards.Of(AlertBoards.Queue("q1", new QueueLevels(ThresholdLevel.Normal, ThresholdLevel.Normal, level), Thresholds) with { WaitingNow = waiting });
}
