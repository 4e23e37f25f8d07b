namespace Ivr.Flows.Services;

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
