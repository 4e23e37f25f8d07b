using System.Data.Common;
using System.Globalization;
using System.Text;
using CallCenter.Core.Wallboard;
using CallCenter.Core.Wallboard.Alerts;
using Notifications.Outbox;

namespace Notifications.Wallboard;

/// <summary>
/// A wallboard alert's email (purpose <c>wallboard-alert</c>: staff only, no consent; quiet hours per
/// <c>Notifications:Rules:ByPurpose</c>), one outbox row per recipient in the transaction that raised the alert.
/// Counts and times only: an alert carries no patient data.
/// </summary>
internal sealed class WallboardAlertMailer(INotificationOutbox outbox) : IWallboardAlertMailer
{
    public const string Purpose = "wallboard-alert";

    public async Task EnqueueAsync(
        DbTransaction transaction, WallboardAlert alert, string queueDisplayName, IReadOnlyList<string> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(recipients);
        var (subject, body) = Compose(alert, queueDisplayName);
        foreach (var to in recipients)
        {
            await outbox.EnqueueAsync(transaction, new OutboundMessage
            {
                Channel = NotificationChannels.Email,
                Purpose = Purpose,
                Recipient = to,
                Subject = subject,
                Body = body,
                Urgent = alert.Level == ThresholdLevel.Critical,
                Correlation = $"wallboard:{alert.Queue}:{alert.Metric}",
            }, cancellationToken);
        }
    }

    public static (string Subject, string Body) Compose(WallboardAlert alert, string queueDisplayName)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var level = alert.Level == ThresholdLevel.Critical ? "严重 critical" : "警告 warning";
        var (metric, unit) = alert.Metric switch
        {
            AlertMetrics.LongestWait => ("最长等待 longest wait", " s"),
            AlertMetrics.ServiceLevel => ("服务水平 service level", " %"),
            _ => ("等待来电 calls waiting", ""),
        };
        var subject = $"队列告警 Queue alert: {queueDisplayName} {metric} {level}";
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Queue {queueDisplayName} ({alert.Queue}): {metric} reached {alert.Level.ToCode()}.\n\n")
            .Append(CultureInfo.InvariantCulture, $"Now: {alert.Value:0.#}{unit}\n")
            .Append(CultureInfo.InvariantCulture, $"Threshold: {(alert.Threshold is { } t ? t.ToString("0.#", CultureInfo.InvariantCulture) + unit : "-")}\n")
            .Append(CultureInfo.InvariantCulture, $"Before: {alert.Previous.ToCode()}\n")
            .Append(CultureInfo.InvariantCulture, $"At: {alert.At:yyyy-MM-dd HH:mm:ss} UTC\n");
        return (subject, text.ToString());
    }
}
