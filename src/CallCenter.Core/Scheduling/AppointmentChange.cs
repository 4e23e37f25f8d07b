namespace CallCenter.Core.Scheduling;

/// <summary>
/// One change of an appointment, read inside the transaction that made it. <see cref="SlotId"/>,
/// <see cref="DoctorId"/>, <see cref="DepartmentId"/> and <see cref="StartsAt"/> are where the appointment is now;
/// the <c>Previous</c> values are set for <see cref="AppointmentChangeKind.Moved"/> only (where it was).
/// </summary>
public sealed record AppointmentChange
{
    public required AppointmentChangeKind Kind { get; init; }
    public required Guid AppointmentId { get; init; }
    public required Guid PatientId { get; init; }
    public required AppointmentStatus Status { get; init; }
    public required Guid SlotId { get; init; }
    public required Guid DoctorId { get; init; }
    public required Guid DepartmentId { get; init; }
    public required DateTime StartsAt { get; init; }
    public Guid? PreviousSlotId { get; init; }
    public Guid? PreviousDoctorId { get; init; }
    public Guid? PreviousDepartmentId { get; init; }
    public DateTime? PreviousStartsAt { get; init; }

    /// <summary>When the change was made (UTC).</summary>
    public required DateTime At { get; init; }
}
