using CallCenter.Core.Wallboard;
using CallCenter.Core.Wallboard.Alerts;

namespace CallCenter.Core.Tests.Wallboard.Alerts;

public sealed class AlertCrossingsTests
{
    private static readonly QueueThresholds Thresholds = new()
    {
        LongestWaitWarningSeconds = 60, LongestWaitCriticalSeconds = 120, ServiceLevelWarningPercent = 80, ServiceLevelCriticalPercent = 60,
        WaitingWarning = 2, WaitingCritical = 5,
    };

    [Fact]
    public void Find_NothingStoredAndAllNormal_RaisesNothing()
    {
        var board = AlertBoards.Of(AlertBoards.Queue("q1", QueueLevels.Normal));

        Assert.Empty(AlertCrossings.Find(board, []));
    }

    [Fact]
    public void Find_NothingStoredAndWarning_RaisesTheCrossingUpWithValueAndThreshold()
    {
        var queue = AlertBoards.Queue("q1", new QueueLevels(ThresholdLevel.Normal, ThresholdLevel.Normal, ThresholdLevel.Warning), Thresholds) with { WaitingNow = 3 };

        var crossing = Assert.Single(AlertCrossings.Find(AlertBoards.Of(queue), []));

        Assert.Equal(("q1", AlertMetrics.Waiting, ThresholdLevel.Normal, ThresholdLevel.Warning, 3.0, (double?)2), (crossing.Queue, crossing.Metric, crossing.Previous, crossing.Level, crossing.Value, crossing.Threshold));
        Assert.True(crossing.IsUp);
    }

    [Fact]
    public void Find_StoredLevelUnchanged_RaisesNothing()
    {
        var queue = AlertBoards.Queue("q1", new QueueLevels(ThresholdLevel.Critical, ThresholdLevel.Normal, ThresholdLevel.Normal), Thresholds);

        Assert.Empty(AlertCrossings.Find(AlertBoards.Of(queue), [new StoredAlertLevel("q1", AlertMetrics.LongestWait, ThresholdLevel.Critical)]));
    }

    [Fact]
    public void Find_BackToNormal_IsACrossingDownWithoutThreshold()
    {
        var queue = AlertBoards.Queue("q1", QueueLevels.Normal, Thresholds) with { Today = new PeriodFigures { ServiceLevelPercent = 91.26 } };

        var crossing = Assert.Single(AlertCrossings.Find(AlertBoards.Of(queue), [new StoredAlertLevel("q1", AlertMetrics.ServiceLevel, ThresholdLevel.Warning)]));

        Assert.Equal((ThresholdLevel.Warning, ThresholdLevel.Normal, 91.3, (double?)null), (crossing.Previous, crossing.Level, crossing.Value, crossing.Threshold));
        Assert.False(crossing.IsUp);
    }

    [Fact]
    public void Find_CriticalDownToWarning_IsDownAndNamesTheWarningThreshold()
    {
        var queue = AlertBoards.Queue("q1", new QueueLevels(ThresholdLevel.Warning, ThresholdLevel.Normal, ThresholdLevel.Normal), Thresholds) with { LongestWaitNowSeconds = 75 };

        var crossing = Assert.Single(AlertCrossings.Find(AlertBoards.Of(queue), [new StoredAlertLevel("q1", AlertMetrics.LongestWait, ThresholdLevel.Critical)]));

        Assert.Equal((false, 75.0, (double?)60), (crossing.IsUp, crossing.Value, crossing.Threshold));
    }

    [Fact]
    public void Find_TheCentresLevels_RaiseNothing()
    {
        var centre = AlertBoards.Queue(null, new QueueLevels(ThresholdLevel.Critical, ThresholdLevel.Critical, ThresholdLevel.Critical));
        var board = AlertBoards.Of() with { Centre = centre, Queues = [centre] };

        Assert.Empty(AlertCrossings.Find(board, []));
    }
}
