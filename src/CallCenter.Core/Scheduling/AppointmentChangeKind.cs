namespace CallCenter.Core.Scheduling;

/// <summary>What happened to an appointment, as <see cref="IAppointmentChangeListener"/>s hear it.</summary>
public enum AppointmentChangeKind
{
    Booked,
    Moved,
    Confirmed,
    Cancelled,
    Completed,
    NoShow,
    CheckedIn,
}
