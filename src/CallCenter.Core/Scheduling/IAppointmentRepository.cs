using System.Data.Common;
using CallCenter.Core.Common;

namespace CallCenter.Core.Scheduling;

public interface IAppointmentRepository
{
    /// <summary>
    /// Takes a place in the slot and inserts the appointment in one transaction, so concurrent bookings on
    /// every channel never overbook. Also takes the patient off the slot's waitlist.
    /// </summary>
    Task<BookingOutcome> BookAsync(Appointment appointment, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="BookAsync"/> inside the caller's transaction (a waitlist offer accepted with the booking it makes);
    /// the caller commits, or rolls back when the outcome is not <see cref="BookingOutcome.Booked"/>.
    /// </summary>
    Task<BookingOutcome> BookInAsync(Appointment appointment, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves an active, not checked-in appointment to another slot in one transaction: takes a place in the new slot
    /// (never past its capacity) and gives back the old one. Of two moves racing, one wins; the other changes nothing.
    /// </summary>
    Task<MoveResult> MoveAsync(Guid id, Guid toSlotId, CancellationToken cancellationToken = default);

    /// <summary>Records the patient's arrival on an active appointment, once; the status is unchanged.</summary>
    Task<TransitionResult> CheckInAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the appointment to <paramref name="target"/> if its current status allows it; cancelling gives
    /// the place back to the slot in the same transaction.
    /// </summary>
    Task<TransitionResult> TransitionAsync(Guid id, AppointmentStatus target, string? cancelReason, CancellationToken cancellationToken = default);

    Task<Appointment?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A patient's appointments: upcoming (soonest first) or past (latest first), relative to <paramref name="now"/>.</summary>
    Task<Page<Appointment>> ListForPatientAsync(Guid patientId, bool upcoming, DateTime now, PageRequest page, CancellationToken cancellationToken = default);
}
