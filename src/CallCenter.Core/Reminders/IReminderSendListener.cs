using System.Data.Common;

namespace CallCenter.Core.Reminders;

/// <summary>
/// Hears, inside the outbox's own transaction, what became of the messages enqueued through
/// <see cref="IReminderOutbox"/>, by their correlation: which left (the carrier took them), which wait for later
/// (quiet hours, the sender's rate, a retry), and which ended without leaving. A waitlist offer's window runs from
/// when its SMS leaves, not from when it was written (<see cref="WaitlistOfferWindow"/>).
/// </summary>
public interface IReminderSendListener
{
    Task ProgressedAsync(IReadOnlyList<ReminderSendProgress> progress, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);
}
