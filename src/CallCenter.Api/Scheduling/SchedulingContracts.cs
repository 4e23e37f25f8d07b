using CallCenter.Core.Scheduling;

namespace CallCenter.Api.Scheduling;

internal sealed record CreateDepartmentRequest(string? Code, string? Name, string? NameEn);

internal sealed record DepartmentResponse(Guid Id, string Code, string Name, string? NameEn)
{
    public static DepartmentResponse From(Department d) => new(d.Id, d.Code, d.Name, d.NameEn);
}

internal sealed record CreateDoctorRequest(Guid? DepartmentId, string? Name, string? Title);

internal sealed record DoctorResponse(Guid Id, Guid DepartmentId, string Name, string? Title)
{
    public static DoctorResponse From(Doctor d) => new(d.Id, d.DepartmentId, d.Name, d.Title);
}

/// <summary>Times with a UTC offset or Z, to the minute.</summary>
internal sealed record CreateSlotRequest(Guid? DoctorId, DateTime? StartsAt, DateTime? EndsAt, int? Capacity);

internal sealed record SlotResponse(
    Guid Id, Guid DoctorId, Guid DepartmentId, DateTime StartsAt, DateTime EndsAt, int Capacity, int BookedCount, int FreeCount)
{
    public static SlotResponse From(Slot s) => new(s.Id, s.DoctorId, s.DepartmentId, s.StartsAt, s.EndsAt, s.Capacity, s.BookedCount, s.FreeCount);
}

/// <summary>A recurring schedule: dates inclusive, daily times local to <c>TimeZone</c> (IANA).</summary>
internal sealed record GenerateSlotsRequest(
    Guid? DoctorId,
    DateOnly? FromDate,
    DateOnly? ToDate,
    TimeOnly? DailyStart,
    TimeOnly? DailyEnd,
    int? SlotMinutes,
    int? Capacity,
    DayOfWeek[]? Weekdays,
    string? TimeZone);

/// <summary><c>Created</c> new slots; <c>Skipped</c> ones already there (or overlapping one).</summary>
internal sealed record GenerateSlotsResponse(int Created, int Skipped);

internal sealed record BookAppointmentRequest(Guid? PatientId, Guid? SlotId, AppointmentChannel? Channel, string? Reason);

internal sealed record CancelAppointmentRequest(string? Reason);

internal sealed record MoveAppointmentRequest(Guid? SlotId);

internal sealed record AppointmentResponse(
    Guid Id,
    Guid PatientId,
    Guid SlotId,
    Guid DoctorId,
    DateTime StartsAt,
    DateTime EndsAt,
    AppointmentStatus Status,
    AppointmentChannel Channel,
    string? Reason,
    string? CancelReason,
    DateTime BookedAt,
    DateTime UpdatedAt,
    DateTime? CheckedInAt)
{
    public static AppointmentResponse From(Appointment a) =>
        new(a.Id, a.PatientId, a.SlotId, a.DoctorId, a.StartsAt, a.EndsAt, a.Status, a.Channel, a.Reason, a.CancelReason, a.BookedAt, a.UpdatedAt, a.CheckedInAt);
}

internal sealed record AddWaitlistRequest(Guid? PatientId, string? Note);

internal sealed record WaitlistEntryResponse(Guid Id, Guid SlotId, Guid PatientId, string Status, string? Note, DateTime CreatedAt)
{
    public static WaitlistEntryResponse From(WaitlistEntry e) => new(e.Id, e.SlotId, e.PatientId, e.Status, e.Note, e.CreatedAt);
}
