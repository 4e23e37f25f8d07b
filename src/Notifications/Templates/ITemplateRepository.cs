using System.Data.Common;

namespace Notifications.Templates;

/// <summary>The stored templates, one per purpose, channel and language.</summary>
public interface ITemplateRepository
{
    Task<NotificationTemplate?> FindAsync(DbConnection connection, DbTransaction? transaction, string purpose, string channel, string language, CancellationToken cancellationToken);

    Task<NotificationTemplate?> FindAsync(string purpose, string channel, string language, CancellationToken cancellationToken);

    Task<IReadOnlyList<NotificationTemplate>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates or replaces; true when it was new.</summary>
    Task<bool> SaveAsync(NotificationTemplate notificationTemplate, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string purpose, string channel, string language, CancellationToken cancellationToken);
}
