namespace CallCenter.Core.Wallboard.Alerts;

/// <summary>The level a queue's figure last stood at, as stored (<c>wallboard_alert_level</c>).</summary>
public sealed record StoredAlertLevel(string Queue, string Metric, ThresholdLevel Level);
