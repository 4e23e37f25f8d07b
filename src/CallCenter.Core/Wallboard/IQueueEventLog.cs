using System.Data.Common;

namespace CallCenter.Core.Wallboard;

/// <summary>
/// Appends to the queue event log inside the caller's transaction, so an event exists exactly when the change it
/// records committed: a repeated webhook whose conditional change did nothing appends nothing.
/// </summary>
public interface IQueueEventLog
{
    Task AppendAsync(DbConnection connection, DbTransaction tx, QueueEvent queueEvent, CancellationToken cancellationToken = default);
}
