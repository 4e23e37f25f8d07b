namespace CallCenter.Core.Scheduling;

/// <summary>A patient waiting for a place in a full slot; served in arrival order.</summary>
public sealed record WaitlistEntry
{
    public const string Waiting = "waiting";

    public required Guid Id { get; init; }
    public required Guid SlotId { get; init; }
    public required Guid PatientId { get; init; }
    public string Status { get; init; } = Waiting;
    public string? Note { get; init; }
    public required DateTime CreatedAt { get; init; }
}

public interface IWaitlistRepository
{
    /// <summary>Inserts the entry; false when the patient is already on this slot's waitlist.</summary>
    Task<bool> TryAddAsync(WaitlistEntry entry, CancellationToken cancellationToken = default);

    Task<WaitlistEntry?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The slot's waitlist, first come first.</summary>
    Task<IReadOnlyList<WaitlistEntry>> ListForSlotAsync(Guid slotId, CancellationToken cancellationToken = default);

    Task<bool> RemoveAsync(Guid id, CancellationToken cancellationToken = default);
}
