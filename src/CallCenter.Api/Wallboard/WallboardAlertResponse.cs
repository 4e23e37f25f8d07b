using CallCenter.Core.Wallboard;
using CallCenter.Core.Wallboard.Alerts;

namespace CallCenter.Api.Wallboard;

/// <summary>One raised alert: metric longest-wait, service-level or waiting; levels normal, warning or critical.</summary>
public sealed record WallboardAlertResponse(
    Guid Id, string Queue, string QueueDisplayName, string Metric, ThresholdLevel Level, ThresholdLevel Previous, double Value, double? Threshold,
    bool Emailed, DateTime RaisedAt)
{
    internal static WallboardAlertResponse From(WallboardAlertRecord record) => new(
        record.Id, record.Alert.Queue, record.QueueDisplayName, record.Alert.Metric, record.Alert.Level, record.Alert.Previous,
        record.Alert.Value, record.Alert.Threshold, record.Emailed, record.Alert.At);
}
