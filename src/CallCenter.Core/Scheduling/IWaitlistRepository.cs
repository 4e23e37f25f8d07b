namespace CallCenter.Core.Scheduling;

public interface IWaitlistRepository
{
    /// <summary>Inserts the entry; false when the patient is already on this slot's waitlist.</summary>
    Task<bool> TryAddAsync(WaitlistEntry entry, CancellationToken cancellationToken = default);

    Task<WaitlistEntry?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The slot's waitlist, first come first.</summary>
    Task<IReadOnlyList<WaitlistEntry>> ListForSlotAsync(Guid slotId, CancellationToken cancellationToken = default);

    Task<bool> RemoveAsync(Guid id, CancellationToken cancellationToken = default);
}
