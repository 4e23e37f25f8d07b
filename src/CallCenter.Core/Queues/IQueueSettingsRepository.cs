namespace CallCenter.Core.Queues;

/// <summary>Queues as admins configure them.</summary>
public interface IQueueSettingsRepository
{
    Task<IReadOnlyList<QueueSettings>> ListAsync(CancellationToken cancellationToken = default);

    Task<QueueSettings?> FindAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Inserts the queue; false when the name is taken.</summary>
    Task<bool> TryCreateAsync(QueueSettings queue, CancellationToken cancellationToken = default);

    /// <summary>Replaces every setting but the name and creation time; false when there is no such queue.</summary>
    Task<bool> UpdateAsync(QueueSettings queue, CancellationToken cancellationToken = default);

    /// <summary>Deletes the queue unless anything refers to it (then nothing changes).</summary>
    Task<QueueDeleteOutcome> DeleteAsync(string name, CancellationToken cancellationToken = default);
}
