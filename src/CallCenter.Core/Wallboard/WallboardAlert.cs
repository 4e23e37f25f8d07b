namespace CallCenter.Core.Wallboard;

/// <summary>
/// A queue's figure crossed a threshold (up to warning or critical) or came back to normal.
/// Metric: <c>longest-wait</c>, <c>service-level</c> or <c>waiting</c>.
/// </summary>
public sealed record WallboardAlert(string Queue, string Metric, ThresholdLevel Level, ThresholdLevel Previous, double Value, double? Threshold, DateTime At);
