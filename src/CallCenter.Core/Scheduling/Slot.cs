namespace CallCenter.Core.Scheduling;

/// <summary>
/// A doctor's bookable time, to the minute, UTC. One pool for every channel (phone, web, walk-in, kiosk):
/// <see cref="BookedCount"/> counts the appointments holding a place, never more than <see cref="Capacity"/>.
/// </summary>
public sealed record Slot
{
    public required Guid Id { get; init; }
    public required Guid DoctorId { get; init; }

    /// <summary>The doctor's department, read through the doctor.</summary>
    public Guid DepartmentId { get; init; }

    public required DateTime StartsAt { get; init; }
    public required DateTime EndsAt { get; init; }
    public required int Capacity { get; init; }
    public int BookedCount { get; init; }
    public DateTime CreatedAt { get; init; }

    public int FreeCount => Capacity - BookedCount;
}
