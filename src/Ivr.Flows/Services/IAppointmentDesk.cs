namespace Ivr.Flows.Services;

/// <summary>The appointment actions a caller may take by keypad, always for the verified or recognised patient.</summary>
public interface IAppointmentDesk
{
    /// <summary>The patient's next booked (or confirmed) appointment from now on, or null.</summary>
    Task<AppointmentSummary?> NextAsync(Guid patientId, CancellationToken cancellationToken);

    Task<AppointmentActionResult> ConfirmAsync(Guid patientId, Guid appointmentId, CancellationToken cancellationToken);

    Task<AppointmentActionResult> CancelAsync(Guid patientId, Guid appointmentId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> free slots of a department from now on, earliest first.</summary>
    Task<IReadOnlyList<SlotOffer>> FreeSlotsAsync(string departmentCode, int count, CancellationToken cancellationToken);

    Task<AppointmentActionResult> BookAsync(Guid patientId, Guid slotId, CancellationToken cancellationToken);

    /// <summary>Department codes that exist, for validation.</summary>
    Task<IReadOnlySet<string>> DepartmentCodesAsync(CancellationToken cancellationToken);
}

/// <summary>An appointment as the IVR reads it out: local start time, department and doctor names per language.</summary>
public sealed record AppointmentSummary(
    Guid AppointmentId,
    DateTimeOffset StartsAt,
    string Status,
    string DepartmentCode,
    string DepartmentName,
    string? DoctorName,
    string? DepartmentNameEn = null)
{
    /// <summary>The department's name in the call's language (English when the hub has one, else the local name).</summary>
    public string DepartmentNameIn(string language) => DepartmentNames.In(language, DepartmentName, DepartmentNameEn);
}

/// <summary>A free slot offered to the caller.</summary>
public sealed record SlotOffer(Guid SlotId, DateTimeOffset StartsAt, string DepartmentCode, string DepartmentName, string? DoctorName, string? DepartmentNameEn = null)
{
    /// <summary>The department's name in the call's language (English when the hub has one, else the local name).</summary>
    public string DepartmentNameIn(string language) => DepartmentNames.In(language, DepartmentName, DepartmentNameEn);
}

internal static class DepartmentNames
{
    public static string In(string language, string name, string? english) =>
        language.StartsWith("en", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(english) ? english : name;
}

/// <summary>The result of confirm, cancel or book: done, or why not (<c>not-found</c>, <c>invalid-state</c>, <c>full</c>...).</summary>
public sealed record AppointmentActionResult(bool Succeeded, string? Reason = null, AppointmentSummary? Appointment = null);
