namespace CallCenter.Core.Queues;

public enum QueueSaveOutcome
{
    Saved,
    Invalid,
    NotFound,

    /// <summary>A queue of that name exists already.</summary>
    Duplicate,
}
