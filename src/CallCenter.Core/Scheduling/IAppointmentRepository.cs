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
    /// Moves the appointment to <paramref name="target"/> if its current status allows it; cancelling gives
    /// the place back to the slot in the same transaction.
    /// </summary>
    Task<TransitionResult> TransitionAsync(Guid id, AppointmentStatus target, string? cancelReason, CancellationToken cancellationToken = default);

    Task<Appointment?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A patient's appointments: upcoming (soonest first) or past (latest first), relative to <paramref name="now"/>.</summary>
    Task<Page<Appointment>> ListForPatientAsync(Guid patientId, bool upcoming, DateTime now, PageRequest page, CancellationToken cancellationToken = default);
}
