namespace CallCenter.Core.Queues;

/// <summary>The order of the line: priority with ageing.</summary>
public static class LinePlace
{
    /// <summary>
    /// One priority point is worth <paramref name="prioritySeconds"/> of waiting: an urgent call goes ahead of
    /// recent ones, but a call that has waited long enough still goes ahead of a newer urgent one.
    /// </summary>
    public static DateTime For(DateTime enqueuedAt, int priority, int prioritySeconds) =>
        enqueuedAt.AddSeconds(-(double)priority * prioritySeconds);
}
