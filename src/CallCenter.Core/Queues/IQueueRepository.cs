namespace CallCenter.Core.Queues;

/// <summary>Queues, the calls waiting in them and callback requests.</summary>
public interface IQueueRepository
{
    Task<IReadOnlyList<string>> QueueNamesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts the entry unless its call is already in a queue; returns the stored entry either way. A real insert
    /// appends <c>entered</c> to the queue event log in its transaction.
    /// </summary>
    Task<QueueEntry> EnqueueAsync(QueueEntry entry, CancellationToken cancellationToken = default);

    Task<QueueEntry?> FindByCallSidAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waiting (or ringing) entries and open callback requests of the entry's queue that are ahead of it: an earlier
    /// place (<see cref="QueueEntry.PlaceAt"/>: priority with ageing), ties by call SID; the router's own order.
    /// </summary>
    Task<int> CountAheadAsync(QueueEntry entry, CancellationToken cancellationToken = default);

    Task<QueueFigures> FiguresAsync(string queueName, CancellationToken cancellationToken = default);

    /// <summary>How long each call that reached an agent since <paramref name="since"/> had waited.</summary>
    Task<IReadOnlyList<TimeSpan>> BridgedWaitsSinceAsync(string queueName, DateTime since, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the callback request and marks the call's waiting entry (if any) as turned into a callback, and appends
    /// <c>callback-requested</c>, in one transaction. False, with nothing changed, when the call already has a request.
    /// </summary>
    Task<bool> AddCallbackAsync(CallbackRequestRow request, DateTime at, CancellationToken cancellationToken = default);

    Task<CallbackRequestRow?> FindCallbackAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends a waiting (or ringing) entry with <paramref name="status"/>; false when it was not in line. Ending it as
    /// left appends <c>abandoned</c> (position, wait, the reason as detail) in the same transaction.
    /// </summary>
    Task<bool> EndAsync(string callSid, string status, string reason, DateTime at, CancellationToken cancellationToken = default);
}
