namespace Ivr.Flows.Services;

/// <summary>A free slot offered to the caller.</summary>
public sealed record SlotOffer(Guid SlotId, DateTimeOffset StartsAt, string DepartmentCode, string DepartmentName, string? DoctorName, string? DepartmentNameEn = null)
{
    /// <summary>The department's name in the call's language (English when the hub has one, else the local name).</summary>
    public string DepartmentNameIn(string language) => DepartmentNames.In(language, DepartmentName, DepartmentNameEn);
}
