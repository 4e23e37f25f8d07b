using System.Data.Common;
using CallCenter.Core.Common;

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

    /// <summary>Back to pending for <paramref name="at"/>, not counted as an attempt (rules, throttling).</summary>
    Task<bool> DeferAsync(Notification claimed, DateTime at, string? reason, DateTime now, CancellationToken cancellationToken);

    /// <summary>A failed attempt: counted, back to pending for <paramref name="at"/>.</summary>
    Task<bool> RetryAsync(Notification claimed, DateTime at, string failure, bool checkCarrier, DateTime now, CancellationToken cancellationToken);

    /// <summary>Ends a row that was never accepted by the carrier: suppressed, expired or failed.</summary>
    Task<bool> FinishAsync(Notification claimed, string status, string? failure, bool countAttempt, DateTime now, CancellationToken cancellationToken);

    /// <summary>The carrier has it: its id and the status it gave.</summary>
    Task<bool> AcceptedAsync(Notification claimed, string carrierId, string status, bool countAttempt, DateTime now, CancellationToken cancellationToken);

    /// <summary>Moves the row with the carrier id forward to <paramref name="status"/>; the row if it moved.</summary>
    Task<Notification?> ApplyCarrierStatusAsync(string carrierId, string status, string? errorCode, DateTime now, CancellationToken cancellationToken);

    Task<bool> CarrierIdInUseAsync(string carrierId, CancellationToken cancellationToken);

    /// <summary>Non-urgent messages the carrier took for the patient since a time: how many, and when the oldest went.</summary>
    Task<(int Count, DateTime? Oldest)> CountSentSinceAsync(Guid patientId, DateTime since, CancellationToken cancellationToken);

    Task<Notification?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<Page<Notification>> ListAsync(NotificationQuery query, PageRequest page, CancellationToken cancellationToken);
}
