namespace CallCenter.Core.Patients;

/// <summary>
/// A patient's record as a client sends it, to create or replace. Optional fields left out are cleared on
/// replace; time zone and language then fall back to <see cref="PatientOptions"/>.
/// </summary>
public sealed record PatientInput(
    string? FullName,
    string? Gender = null,
    DateOnly? DateOfBirth = null,
    IReadOnlyList<PhoneInput?>? Phones = null,
    string? Email = null,
    string? PreferredLanguage = null,
    string? TimeZone = null,
    string? Mrn = null,
    IReadOnlyList<string?>? Tags = null,
    string? Notes = null);
