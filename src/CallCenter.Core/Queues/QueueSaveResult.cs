namespace CallCenter.Core.Queues;

/// <summary>The outcome of creating or changing a queue: the stored queue, or why not.</summary>
public sealed record QueueSaveResult(QueueSaveOutcome Outcome, QueueSettings? Queue, IReadOnlyList<QueueFieldError> Errors)
{
    internal static QueueSaveResult Saved(QueueSettings queue) => new(QueueSaveOutcome.Saved, queue, []);

    internal static QueueSaveResult Of(QueueSaveOutcome outcome, IReadOnlyList<QueueFieldError>? errors = null) => new(outcome, null, errors ?? []);
}
