namespace CallCenter.Core.Queues;

/// <summary>The estimated wait of a caller at a position in line.</summary>
public static class QueueWaitEstimator
{
    /// <summary>
    /// Nothing while a free agent is there for the caller (position within <paramref name="agentsAvailable"/>).
    /// Otherwise recent waits of calls that reached an agent, averaged (with none, the default handling time), times
    /// the places still ahead once the free agents have taken theirs, shared out over the agents staffing the queue
    /// (at least one: a queue nobody staffs still gives an honest figure rather than none).
    /// </summary>
    public static int EstimateSeconds(int position, IReadOnlyCollection<TimeSpan> recentWaits, int defaultHandleSeconds, int agentsStaffed, int agentsAvailable = 0)
    {
        ArgumentNullException.ThrowIfNull(recentWaits);
        if (position <= 0 || position <= agentsAvailable)
        {
            return 0;
        }

        var perPlace = recentWaits.Count > 0 ? recentWaits.Average(w => Math.Max(0, w.TotalSeconds)) : defaultHandleSeconds;
        var placesAhead = position - Math.Max(0, agentsAvailable);
        return (int)Math.Round(perPlace * placesAhead / Math.Max(1, agentsStaffed), MidpointRounding.AwayFromZero);
    }
}
