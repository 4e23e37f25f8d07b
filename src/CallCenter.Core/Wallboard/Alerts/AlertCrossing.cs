namespace CallCenter.Core.Wallboard.Alerts;

/// <summary>One queue figure whose level on the board differs from the stored one: the alert to raise, if this node wins.</summary>
public sealed record AlertCrossing(string Queue, string QueueDisplayName, string Metric, ThresholdLevel Previous, ThresholdLevel Level, double Value, double? Threshold)
{
    /// <summary>Up to warning or critical (emailed, rate-limited); down to a lower level is recorded and pushed only.</summary>
    public bool IsUp => Level > Previous;
}
