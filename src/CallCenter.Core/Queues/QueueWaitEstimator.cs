namespace CallCenter.Core.Queues;

/// <summary>The estimated wait of a caller at a position in line.</summary>
public static class QueueWaitEstimator
{
    /// <summary>
    /// Recent waits of calls that reached an agent, averaged, times the position; with no recent calls, the
    /// default handling time times the position. Shared out over the agents available (at least one).
    /// </summary>
    public static int EstimateSeconds(int position, IReadOnlyCollection<TimeSpan> recentWaits, int defaultHandleSeconds, int agentsAvailable)
    {
        ArgumentNullException.ThrowIfNull(recentWaits);
        if (position <= 0)
        {
            return 0;
        }

        var perPlace = recentWaits.Count > 0 ? recentWaits.Average(w => Math.Max(0, w.TotalSeconds)) : defaultHandleSeconds;
        return (int)Math.Round(perPlace * position / Math.Max(1, agentsAvailable), MidpointRounding.AwayFromZero);
    }
}
