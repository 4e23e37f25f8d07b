using System.Data.Common;

namespace CallCenter.Core.Reminders;

/// <summary>
/// Where reminders put what must go out, inside the transaction of the change that causes it: the notification
/// outbox implements it. With none registered, reminders are still scheduled (<c>appointment_reminder</c>) and
/// replies still matched, but nothing is sent.
/// </summary>
public interface IReminderOutbox
{
    Task EnqueueAsync(OutboundMessage message, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Withdraws the message with this correlation unless it has already gone.</summary>
    Task WithdrawAsync(string correlation, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);
}
