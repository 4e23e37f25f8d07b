using System.Data.Common;

namespace CallCenter.Core.Wallboard.Alerts;

/// <summary>
/// Writes an alert's email to the notification outbox inside the transaction that raised the alert, so the email
/// exists exactly when the alert does (implemented by Notifications).
/// </summary>
public interface IWallboardAlertMailer
{
    Task EnqueueAsync(DbTransaction transaction, WallboardAlert alert, string queueDisplayName, IReadOnlyList<string> recipients, CancellationToken cancellationToken = default);
}
