namespace CallCenter.Core.Scheduling;

/// <summary>Which status may follow which: booked -> confirmed; booked or confirmed -> cancelled, completed, no-show.</summary>
public static class AppointmentTransitions
{
    /// <summary>The statuses an appointment must be in to move to <paramref name="target"/>.</summary>
    public static IReadOnlyList<AppointmentStatus> AllowedFrom(AppointmentStatus target) => target switch
    {
        AppointmentStatus.Confirmed => [AppointmentStatus.Booked],
        AppointmentStatus.Cancelled or AppointmentStatus.Completed or AppointmentStatus.NoShow =>
            [AppointmentStatus.Booked, AppointmentStatus.Confirmed],
        _ => [],
    };

    public static bool IsAllowed(AppointmentStatus from, AppointmentStatus to) => AllowedFrom(to).Contains(from);

    /// <summary>Booked and confirmed appointments are still to happen; the patient holds a place.</summary>
    public static bool IsActive(AppointmentStatus status) => status is AppointmentStatus.Booked or AppointmentStatus.Confirmed;
}
