using System.Data.Common;

namespace Notifications.Outbox;

/// <summary>
/// The way out for every message the hub sends on its own. A message is a row first, written in the caller's
/// transaction (so it exists exactly when the change that causes it does); the dispatcher sends it when due, checking
/// consent, suppression, quiet hours and caps at send time. Withdraw and reschedule touch pending rows only: a row a
/// dispatcher is sending right now finishes.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>Writes the row inside <paramref name="transaction"/>; it is sent only if the transaction commits.</summary>
    /// <returns>The row's id.</returns>
    Task<Guid> EnqueueAsync(DbTransaction transaction, OutboundMessage message, CancellationToken cancellationToken = default);

    /// <summary>Writes the row in a transaction of its own.</summary>
    Task<Guid> EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken = default);

    /// <summary>Cancels the pending rows of a correlation; the number cancelled.</summary>
    Task<int> WithdrawAsync(DbTransaction transaction, string correlation, CancellationToken cancellationToken = default);

    /// <summary>Cancels the pending rows of a correlation in a transaction of its own.</summary>
    Task<int> WithdrawAsync(string correlation, CancellationToken cancellationToken = default);

    /// <summary>Moves the pending rows of a correlation to a new due time (and expiry); the number moved.</summary>
    Task<int> RescheduleAsync(DbTransaction transaction, string correlation, DateTime dueAt, DateTime? expiresAt, CancellationToken cancellationToken = default);
}
