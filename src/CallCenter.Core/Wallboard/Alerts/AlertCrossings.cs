namespace CallCenter.Core.Wallboard.Alerts;

/// <summary>
/// Pure: compares each queue's levels on the board with the levels stored after the last check. A queue or figure
/// never stored counts as normal, so the first check after a threshold is reached raises it, and a board that stays
/// normal raises nothing. The centre's tiles raise no alerts (every queue has its own thresholds).
/// </summary>
public static class AlertCrossings
{
    public static IReadOnlyList<AlertCrossing> Find(WallboardSnapshot board, IEnumerable<StoredAlertLevel> stored)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(stored);
        var last = stored.ToDictionary(s => (s.Queue, s.Metric), s => s.Level);
        var crossings = new List<AlertCrossing>();
        foreach (var queue in board.Queues)
        {
            if (queue.Queue is not { } name)
            {
                continue;
            }

            foreach (var metric in AlertMetrics.All)
            {
                var level = LevelOf(queue.Levels, metric);
                var previous = last.GetValueOrDefault((name, metric), ThresholdLevel.Normal);
                if (level != previous)
                {
                    crossings.Add(new AlertCrossing(name, queue.DisplayName, metric, previous, level, ValueOf(queue, metric), ThresholdOf(queue.Thresholds, metric, level)));
                }
            }
        }

        return crossings;
    }

    public static ThresholdLevel LevelOf(QueueLevels levels, string metric)
    {
        ArgumentNullException.ThrowIfNull(levels);
        return metric switch
        {
            AlertMetrics.LongestWait => levels.LongestWait,
            AlertMetrics.ServiceLevel => levels.ServiceLevel,
            AlertMetrics.Waiting => levels.Waiting,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown alert metric."),
        };
    }

    /// <summary>The figure the level stands for: longest wait now (seconds), today's service level (percent), calls waiting.</summary>
    public static double ValueOf(QueueBoard queue, string metric)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return metric switch
        {
            AlertMetrics.LongestWait => Math.Round(queue.LongestWaitNowSeconds, 1),
            AlertMetrics.ServiceLevel => Math.Round(queue.Today.ServiceLevelPercent ?? 100, 1),
            _ => queue.WaitingNow,
        };
    }

    /// <summary>The threshold the level stands at; null for normal.</summary>
    public static double? ThresholdOf(QueueThresholds thresholds, string metric, ThresholdLevel level)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var critical = level == ThresholdLevel.Critical;
        int? value = (level, metric) switch
        {
            (ThresholdLevel.Normal, _) => null,
            (_, AlertMetrics.LongestWait) => critical ? thresholds.LongestWaitCriticalSeconds : thresholds.LongestWaitWarningSeconds,
            (_, AlertMetrics.ServiceLevel) => critical ? thresholds.ServiceLevelCriticalPercent : thresholds.ServiceLevelWarningPercent,
            _ => critical ? thresholds.WaitingCritical : thresholds.WaitingWarning,
        };
        return value;
    }
}
