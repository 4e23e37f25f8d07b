using CallCenter.Core.Common;

namespace CallCenter.Core.Scheduling;

public interface ISlotRepository
{
    /// <summary>Inserts a valid slot unless the doctor is unknown or already has a slot overlapping it.</summary>
    Task<SlotCreateOutcome> CreateAsync(Slot slot, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts the intervals for the doctor that overlap no existing slot, all in one transaction; returns how
    /// many were created, or null when the doctor is unknown.
    /// </summary>
    Task<int?> CreateManyAsync(Guid doctorId, IReadOnlyList<SlotTimes> times, int capacity, CancellationToken cancellationToken = default);

    Task<Slot?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Slots matching the query, ordered by start time.</summary>
    Task<Page<Slot>> ListAsync(SlotQuery query, PageRequest page, CancellationToken cancellationToken = default);
}
