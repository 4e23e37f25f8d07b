
namespace CallCenter.Core.Scheduling;

public enum BookingOutcome
{
    Booked,
    PatientNotFound,
    SlotNotFound,
    SlotInPast,
    SlotFull,
    AlreadyBooked,
}
