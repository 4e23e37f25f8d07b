namespace CallCenter.Core.Queues;

/// <summary>The outcome of deleting a queue.</summary>
public enum QueueDeleteOutcome
{
    Deleted,
    NotFound,

    /// <summary>Calls or callback requests refer to the queue, or another queue overflows to it.</summary>
    InUse,
}
