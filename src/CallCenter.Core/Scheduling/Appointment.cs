namespace CallCenter.Core.Scheduling;

/// <summary>A patient's booking of one place in a slot.</summary>
public sealed record Appointment
{
    public required Guid Id { get; init; }
    public required Guid PatientId { get; init; }
    public required Guid SlotId { get; init; }
    public required AppointmentStatus Status { get; init; }
    public required AppointmentChannel Channel { get; init; }
    public string? Reason { get; init; }
    public DateTime BookedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public string? CancelReason { get; init; }

    /// <summary>When the patient arrived (null until checked in); a checked-in appointment is never a no-show.</summary>
    public DateTime? CheckedInAt { get; init; }

    /// <summary>The slot's times and doctor, read with the appointment.</summary>
    public DateTime StartsAt { get; init; }
    public DateTime EndsAt { get; init; }
    public Guid DoctorId { get; init; }
}
