using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;

namespace Notifications.Outbox;

/// <summary>The outbox as supervisors see it: every message, filtered; each look audited.</summary>
public sealed class NotificationService(INotificationRepository notifications, IAuditLog audit)
{
    public const string ListOperation = "notification.list";

    public async Task<Page<Notification>> ListAsync(Actor actor, NotificationQuery query, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(query);
        var result = await notifications.ListAsync(query, page, cancellationToken);
        await audit.WriteAsync(actor, ListOperation, query.PatientId, AuditOutcomes.Success, $"page {page.Page}, {result.Items.Count} rows", cancellationToken);
        return result;
    }
}
