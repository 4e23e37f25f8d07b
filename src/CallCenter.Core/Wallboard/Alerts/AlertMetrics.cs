namespace CallCenter.Core.Wallboard.Alerts;

/// <summary>The queue figures an alert watches (<see cref="WallboardAlert.Metric"/>), one per <see cref="QueueLevels"/> level.</summary>
public static class AlertMetrics
{
    public const string LongestWait = "longest-wait";
    public const string ServiceLevel = "service-level";
    public const string Waiting = "waiting";

    public static readonly IReadOnlyList<string> All = [LongestWait, ServiceLevel, Waiting];
}
