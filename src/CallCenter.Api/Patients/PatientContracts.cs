using CallCenter.Core.Patients;

namespace CallCenter.Api.Patients;

/// <summary>
/// A patient as the API shows it: the record, phones (primary first), tags, the current consent per channel,
/// and, after a create or update, <c>warnings</c> naming other patients who share a phone.
/// </summary>
public sealed record PatientResponse(
    Guid Id,
    string FullName,
    string Gender,
    DateOnly? DateOfBirth,
    IReadOnlyList<PatientPhone> Phones,
    string? Email,
    string PreferredLanguage,
    string TimeZone,
    string? Mrn,
    IReadOnlyList<string> Tags,
    string? Notes,
    Guid? AssignedUserId,
    IReadOnlyList<PatientConsent> Consents,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<DuplicateWarning> Warnings)
{
    internal static PatientResponse From(PatientDetails details)
    {
        var p = details.Patient;
        return new PatientResponse(p.Id, p.FullName, p.Gender, p.DateOfBirth, p.Phones.OrderByDescending(x => x.IsPrimary).ToList(), p.Email,
            p.PreferredLanguage, p.TimeZone, p.Mrn, p.Tags, p.Notes, p.AssignedUserId, details.Consents, p.CreatedAt, p.UpdatedAt, details.Warnings);
    }
}
