using System.Data.Common;
using CallCenter.Core.Common;
using CallCenter.Core.Interactions;

namespace Notifications.Outbox;

/// <summary>
/// The outbox rows. Every change a dispatcher makes to a row it claimed is fenced by its claim token and the
/// <c>sending</c> status, so a dispatcher whose lease ran out (and whose row another took) changes nothing.
/// </summary>
public interface INotificationRepository
{
    Task InsertAsync(DbConnection connection, DbTransaction transaction, Notification notification, CancellationToken cancellationToken);

    Task<int> CancelAsync(DbConnection connection, DbTransaction transaction, string correlation, DateTime now, CancellationToken cancellationToken);

    Task<int> RescheduleAsync(DbConnection connection, DbTransaction transaction, string correlation, DateTime dueAt, DateTime? expiresAt, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due rows (pending and due, or sending with a lease run out) for
    /// <paramref name="leaseUntil"/>; a row taken back from a lapsed lease is marked to check the carrier first.
    /// </summary>
    Task<IReadOnlyList<Notification>> ClaimDueAsync(Guid claimToken, DateTime now, DateTime leaseUntil, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a batch's outcomes in one transaction, each fenced by its claim (an outcome whose row is no longer this
    /// claim's changes nothing), with the timeline entries of the recorded ones; the outcomes recorded.
    /// </summary>
    Task<IReadOnlyList<DispatchOutcome>> RecordAsync(
        IReadOnlyList<DispatchOutcome> outcomes, Func<DispatchOutcome, Interaction?> timelineEntry, DateTime now, CancellationToken cancellationToken);

    /// <summary>Statuses the message records hold for the batch's accepted rows (callbacks that came before the rows knew their ids).</summary>
    Task<IReadOnlyList<CarrierStatusSeen>> StatusesSeenAsync(Guid claimToken, CancellationToken cancellationToken);

    /// <summary>Clears the claim token from the batch's rows that are no longer sending.</summary>
    Task ReleaseClaimAsync(Guid claimToken, CancellationToken cancellationToken);

    /// <summary>Moves the row with the carrier id forward to <paramref name="status"/>; the row if it moved.</summary>
    Task<Notification?> ApplyCarrierStatusAsync(string carrierId, string status, string? errorCode, DateTime now, CancellationToken cancellationToken);

    Task<bool> CarrierIdInUseAsync(string carrierId, CancellationToken cancellationToken);

    Task<Notification?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<Page<Notification>> ListAsync(NotificationQuery query, PageRequest page, CancellationToken cancellationToken);
}
