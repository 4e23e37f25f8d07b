using CallCenter.Core.Wallboard;
using CallCenter.Testing.Wallboard;

namespace CallCenter.Core.Tests.Wallboard;

/// <summary>The pure arithmetic on docs/wallboard.md's worked example and on edge cases; every expected value by hand.</summary>
public sealed class WallboardCalculatorTests
{
    private static readonly DateTime T = WallboardWorkedExample.Local(9, 0, 0);

    /// <summary>The example's events, as the fixture writes them.</summary>
    private static IEnumerable<QueueEvent> ExampleEvents(DateTime from)
    {
        QueueEvent E(QueueEventKind kind, DateTime at, int? wait = null, int? talk = null) => new()
        {
            Id = Guid.NewGuid(), QueueName = "q", Kind = kind, OccurredAt = at,
            Wait = wait is { } w ? TimeSpan.FromSeconds(w) : null, Talk = talk is { } t ? TimeSpan.FromSeconds(t) : null,
        };

        var L = WallboardWorkedExample.Local;
        var all = new[]
        {
            E(QueueEventKind.Entered, L(23, 59, 0, 22)),
            E(QueueEventKind.Entered, L(9, 0, 0)), E(QueueEventKind.Offered, L(9, 0, 5)), E(QueueEventKind.Connected, L(9, 0, 10), wait: 10),
            E(QueueEventKind.Completed, L(9, 3, 10), talk: 180),
            E(QueueEventKind.Entered, L(9, 10, 0)), E(QueueEventKind.Offered, L(9, 10, 25)), E(QueueEventKind.Connected, L(9, 10, 30), wait: 30),
            E(QueueEventKind.Completed, L(9, 14, 30), talk: 240),
            E(QueueEventKind.Entered, L(9, 20, 0)), E(QueueEventKind.Abandoned, L(9, 20, 3), wait: 3),
            E(QueueEventKind.Entered, L(9, 25, 0)), E(QueueEventKind.Abandoned, L(9, 25, 45), wait: 45),
            E(QueueEventKind.Entered, L(9, 40, 0)), E(QueueEventKind.Offered, L(9, 40, 10)), E(QueueEventKind.Connected, L(9, 40, 15), wait: 15),
            E(QueueEventKind.Completed, L(9, 42, 15), talk: 120),
            E(QueueEventKind.Entered, L(9, 45, 0)), E(QueueEventKind.TimedOut, L(9, 55, 0), wait: 600),
            E(QueueEventKind.Entered, L(9, 50, 0)), E(QueueEventKind.CallbackRequested, L(9, 51, 0), wait: 60),
            E(QueueEventKind.Entered, L(9, 58, 0)),
        };
        return all.Where(e => e.OccurredAt >= from && e.OccurredAt < WallboardWorkedExample.Now);
    }

    internal static void AssertToday(PeriodFigures today)
    {
        Assert.Equal((8, 3, 2, 2, 1, 1, 0, 1), (today.Offered, today.Answered, today.AnsweredWithinThreshold, today.Abandoned, today.ShortAbandoned,
            today.TimedOut, today.Overflowed, today.CallbacksRequested));
        Assert.Equal(50.0, today.ServiceLevelPercent!.Value, 6); // 2 ÷ (3 + 2 − 1)
        Assert.Equal(55.0 / 3, today.AverageSpeedOfAnswerSeconds!.Value, 6); // (10 + 30 + 15) ÷ 3
        Assert.Equal(220.0, today.AverageHandleSeconds!.Value, 6); // (180 + 240 + 120 + 30 + 60 + 30) ÷ 3
        Assert.Equal(100.0 / 7, today.AbandonRatePercent!.Value, 6); // (2 − 1) ÷ (8 − 1)
        Assert.Equal(600.0, today.LongestWaitSeconds);
    }

    internal static void AssertLast30Minutes(PeriodFigures recent)
    {
        Assert.Equal((4, 1, 1, 0, 0, 1, 1), (recent.Offered, recent.Answered, recent.AnsweredWithinThreshold, recent.Abandoned, recent.ShortAbandoned,
            recent.TimedOut, recent.CallbacksRequested));
        Assert.Equal(100.0, recent.ServiceLevelPercent!.Value, 6);
        Assert.Equal(15.0, recent.AverageSpeedOfAnswerSeconds!.Value, 6);
        Assert.Equal(150.0, recent.AverageHandleSeconds!.Value, 6); // 120 + 30
        Assert.Equal(0.0, recent.AbandonRatePercent!.Value, 6);
        Assert.Equal(600.0, recent.LongestWaitSeconds);
    }

    [Fact]
    public void Figures_WorkedExampleToday_MatchHandComputed()
    {
        var counts = WallboardCalculator.Count(ExampleEvents(WallboardWorkedExample.Local(0, 0, 0)), 20, 5, TimeSpan.FromSeconds(120));

        AssertToday(WallboardCalculator.Figures(counts));
    }

    [Fact]
    public void Figures_WorkedExampleLast30Minutes_MatchHandComputed()
    {
        var counts = WallboardCalculator.Count(ExampleEvents(WallboardWorkedExample.Local(9, 30, 0)), 20, 5, TimeSpan.FromSeconds(30));

        AssertLast30Minutes(WallboardCalculator.Figures(counts));
    }

    [Fact]
    public void Figures_NothingHappened_RatesAndAveragesAreNull()
    {
        var figures = WallboardCalculator.Figures(PeriodCounts.Zero);

        Assert.Equal(0, figures.Offered);
        Assert.Null(figures.ServiceLevelPercent);
        Assert.Null(figures.AverageSpeedOfAnswerSeconds);
        Assert.Null(figures.AverageHandleSeconds);
        Assert.Null(figures.AbandonRatePercent);
        Assert.Null(figures.LongestWaitSeconds);
    }

    [Fact]
    public void Count_AnsweredExactlyAtThreshold_IsWithin()
    {
        var events = new[]
        {
            new QueueEvent { Id = Guid.NewGuid(), QueueName = "q", Kind = QueueEventKind.Connected, Wait = TimeSpan.FromSeconds(20), OccurredAt = T },
            new QueueEvent { Id = Guid.NewGuid(), QueueName = "q", Kind = QueueEventKind.Connected, Wait = TimeSpan.FromMilliseconds(20_001), OccurredAt = T },
        };

        Assert.Equal(1, WallboardCalculator.Count(events, 20, 5).AnsweredWithinThreshold);
    }

    [Fact]
    public void Count_ConnectedThenNotConnected_TakesTheAnswerBack()
    {
        var events = new[]
        {
            new QueueEvent { Id = Guid.NewGuid(), QueueName = "q", Kind = QueueEventKind.Connected, Wait = TimeSpan.FromSeconds(10), OccurredAt = T },
            new QueueEvent { Id = Guid.NewGuid(), QueueName = "q", Kind = QueueEventKind.RingNoAnswer, Wait = TimeSpan.FromSeconds(10), Detail = WallboardCalculator.NotConnected, OccurredAt = T },
            new QueueEvent { Id = Guid.NewGuid(), QueueName = "q", Kind = QueueEventKind.RingNoAnswer, OccurredAt = T },
            new QueueEvent { Id = Guid.NewGuid(), QueueName = "q", Kind = QueueEventKind.Connected, Wait = TimeSpan.FromSeconds(30), OccurredAt = T },
        };

        var counts = WallboardCalculator.Count(events, 20, 5);

        Assert.Equal((1L, 0L, 30_000L), (counts.Answered, counts.AnsweredWithinThreshold, counts.AnswerWaitMs));
    }

    [Fact]
    public void Count_AbandonExactlyAtShortSeconds_IsNotShort()
    {
        var events = new[]
        {
            new QueueEvent { Id = Guid.NewGuid(), QueueName = "q", Kind = QueueEventKind.Abandoned, Wait = TimeSpan.FromMilliseconds(4_999), OccurredAt = T },
            new QueueEvent { Id = Guid.NewGuid(), QueueName = "q", Kind = QueueEventKind.Abandoned, Wait = TimeSpan.FromSeconds(5), OccurredAt = T },
        };

        var counts = WallboardCalculator.Count(events, 20, 5);

        Assert.Equal((2L, 1L), (counts.Abandoned, counts.ShortAbandoned));
    }

    [Fact]
    public void Figures_OnlyShortAbandons_HaveNoServiceLevel()
    {
        var figures = WallboardCalculator.Figures(new PeriodCounts { Offered = 2, Abandoned = 2, ShortAbandoned = 2 });

        Assert.Null(figures.ServiceLevelPercent);
        Assert.Null(figures.AbandonRatePercent);
    }

    [Fact]
    public void Add_TwoQueues_AddsCountsAndKeepsLongestWait()
    {
        var a = new PeriodCounts { Offered = 3, Answered = 2, AnsweredWithinThreshold = 1, LongestWaitMs = 40_000 };
        var b = new PeriodCounts { Offered = 1, Answered = 1, AnsweredWithinThreshold = 1, LongestWaitMs = null };

        var sum = a.Add(b);

        Assert.Equal((4L, 3L, 2L, 40_000L), (sum.Offered, sum.Answered, sum.AnsweredWithinThreshold, sum.LongestWaitMs));
    }

    [Theory]
    [InlineData(59, 0, ThresholdLevel.Normal)]
    [InlineData(60, 0, ThresholdLevel.Warning)]
    [InlineData(119.9, 0, ThresholdLevel.Warning)]
    [InlineData(120, 0, ThresholdLevel.Critical)]
    public void Levels_LongestWait_ReachedAtOrAbove(double seconds, int waiting, ThresholdLevel expected)
    {
        var thresholds = new QueueThresholds { LongestWaitWarningSeconds = 60, LongestWaitCriticalSeconds = 120 };

        Assert.Equal(expected, WallboardCalculator.Levels(thresholds, seconds, waiting, null).LongestWait);
    }

    [Theory]
    [InlineData(80.1, ThresholdLevel.Normal)]
    [InlineData(80, ThresholdLevel.Warning)]
    [InlineData(60.5, ThresholdLevel.Warning)]
    [InlineData(60, ThresholdLevel.Critical)]
    [InlineData(0, ThresholdLevel.Critical)]
    public void Levels_ServiceLevel_ReachedAtOrBelow(double percent, ThresholdLevel expected)
    {
        var thresholds = new QueueThresholds { ServiceLevelWarningPercent = 80, ServiceLevelCriticalPercent = 60 };

        Assert.Equal(expected, WallboardCalculator.Levels(thresholds, 0, 0, percent).ServiceLevel);
    }

    [Fact]
    public void Levels_NoServiceLevelYet_IsNormal()
    {
        var thresholds = new QueueThresholds { ServiceLevelWarningPercent = 80, ServiceLevelCriticalPercent = 60 };

        Assert.Equal(ThresholdLevel.Normal, WallboardCalculator.Levels(thresholds, 0, 0, null).ServiceLevel);
    }

    [Theory]
    [InlineData(0, ThresholdLevel.Normal)]
    [InlineData(3, ThresholdLevel.Warning)]
    [InlineData(8, ThresholdLevel.Critical)]
    public void Levels_Waiting_ReachedAtOrAbove(int waiting, ThresholdLevel expected)
    {
        var thresholds = new QueueThresholds { WaitingWarning = 3, WaitingCritical = 8 };

        Assert.Equal(expected, WallboardCalculator.Levels(thresholds, 0, waiting, null).Waiting);
    }

    [Fact]
    public void Levels_OnlyCriticalSet_SkipsWarning()
    {
        var thresholds = new QueueThresholds { WaitingCritical = 4 };

        Assert.Equal((ThresholdLevel.Normal, ThresholdLevel.Critical),
            (WallboardCalculator.Levels(thresholds, 0, 3, null).Waiting, WallboardCalculator.Levels(thresholds, 0, 4, null).Waiting));
    }

    [Fact]
    public void Levels_NoThresholds_AreNormal()
    {
        Assert.Equal(QueueLevels.Normal, WallboardCalculator.Levels(QueueThresholds.None, 10_000, 500, 0));
    }

    [Fact]
    public void OccupancyPercent_WorkedExampleAgentX_Is15()
    {
        var times = new AgentStateTimes
        {
            Available = TimeSpan.FromSeconds(3825), Reserved = TimeSpan.FromSeconds(15), Busy = TimeSpan.FromSeconds(540),
            WrapUp = TimeSpan.FromSeconds(120), Break = TimeSpan.FromSeconds(900), Offline = TimeSpan.FromSeconds(30600),
        };

        Assert.Equal(15.0, WallboardCalculator.OccupancyPercent(times)!.Value, 9);
    }

    [Fact]
    public void OccupancyPercent_OnlyBreakAndOffline_IsNull()
    {
        Assert.Null(WallboardCalculator.OccupancyPercent(new AgentStateTimes { Break = TimeSpan.FromHours(1), Offline = TimeSpan.FromHours(2) }));
    }
}
