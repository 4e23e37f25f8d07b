using System.Collections.Concurrent;
using System.Data.Common;
using CallCenter.Core.Reminders;

namespace CallCenter.Core.Tests.Reminders;

/// <summary>
/// Stands where the notification outbox will: records what reminders enqueue and withdraw, and checks each call
/// comes with the change's own connection and transaction (the outbox writes its rows there).
/// </summary>
internal sealed class RecordingOutbox : IReminderOutbox
{
    public ConcurrentQueue<OutboundMessage> Enqueued { get; } = new();

    public ConcurrentQueue<string> Withdrawn { get; } = new();

    public Task EnqueueAsync(OutboundMessage message, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        Assert.Same(connection, transaction.Connection);
        Enqueued.Enqueue(message);
        return Task.CompletedTask;
    }

    public Task WithdrawAsync(string correlation, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        Assert.Same(connection, transaction.Connection);
        Withdrawn.Enqueue(correlation);
        return Task.CompletedTask;
    }

    /// <summary>Messages enqueued and not withdrawn since.</summary>
    public IReadOnlyList<OutboundMessage> Pending => Enqueued.Where(m => !Withdrawn.Contains(m.Correlation)).ToList();
}
