namespace CallCenter.Core.Queues;

/// <summary>Creates and changes queues after checking the rules, including that an overflow queue exists.</summary>
public sealed class QueueSettingsService(IQueueSettingsRepository queues, TimeProvider time)
{
    public async Task<QueueSaveResult> CreateAsync(QueueSettings draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var queue = draft with { CreatedAt = time.GetUtcNow().UtcDateTime, UpdatedAt = null };
        if (await CheckAsync(queue, cancellationToken) is { Count: > 0 } errors)
        {
            return QueueSaveResult.Of(QueueSaveOutcome.Invalid, errors);
        }

        return await queues.TryCreateAsync(queue, cancellationToken) ? QueueSaveResult.Saved(queue) : QueueSaveResult.Of(QueueSaveOutcome.Duplicate);
    }

    /// <summary>Replaces the settings of the queue named <paramref name="name"/> (the draft's name is ignored).</summary>
    public async Task<QueueSaveResult> UpdateAsync(string name, QueueSettings draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!QueueSettingsRules.IsValidName(name) || await queues.FindAsync(name, cancellationToken) is not { } existing)
        {
            return QueueSaveResult.Of(QueueSaveOutcome.NotFound);
        }

        var queue = draft with { Name = existing.Name, CreatedAt = existing.CreatedAt, UpdatedAt = time.GetUtcNow().UtcDateTime };
        if (await CheckAsync(queue, cancellationToken) is { Count: > 0 } errors)
        {
            return QueueSaveResult.Of(QueueSaveOutcome.Invalid, errors);
        }

        return await queues.UpdateAsync(queue, cancellationToken) ? QueueSaveResult.Saved(queue) : QueueSaveResult.Of(QueueSaveOutcome.NotFound);
    }

    private async Task<IReadOnlyList<QueueFieldError>> CheckAsync(QueueSettings queue, CancellationToken cancellationToken)
    {
        var errors = QueueSettingsRules.Check(queue);
        if (errors.Count > 0 || queue.OverflowKind != QueueOverflowKind.Queue)
        {
            return errors;
        }

        // Follow the overflow chain from the target: a call must never overflow round in a circle.
        var visited = new HashSet<string>(StringComparer.Ordinal) { queue.Name };
        var next = queue.OverflowQueue;
        var first = true;
        while (next is not null)
        {
            if (!visited.Add(next))
            {
                return next == queue.Name
                    ? [new QueueFieldError("overflowQueue", $"would make an overflow loop: '{queue.OverflowQueue}' overflows back to '{queue.Name}'")]
                    : [];
            }

            var target = await queues.FindAsync(next, cancellationToken);
            if (target is null)
            {
                return first ? [new QueueFieldError("overflowQueue", $"names no queue: '{queue.OverflowQueue}' does not exist")] : [];
            }

            first = false;
            next = target.OverflowKind == QueueOverflowKind.Queue ? target.OverflowQueue : null;
        }

        return [];
    }
}
