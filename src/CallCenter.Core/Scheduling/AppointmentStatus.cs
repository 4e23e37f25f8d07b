namespace CallCenter.Core.Scheduling;

/// <summary>Where an appointment stands. Cancelled, completed and no-show are final.</summary>
public enum AppointmentStatus
{
    Booked,
    Confirmed,
    Cancelled,
    NoShow,
    Completed,
}
