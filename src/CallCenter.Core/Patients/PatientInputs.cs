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

/// <summary>A phone number in any common format; kind defaults to mobile, the first is primary when none is.</summary>
public sealed record PhoneInput(string? Number, string? Kind = null, bool IsPrimary = false);

/// <summary>A consent given (<c>granted: true</c>) or withdrawn for one channel; <c>changedAt</c> defaults to now.</summary>
public sealed record ConsentInput(string? Channel, bool? Granted, string? Method, DateTime? ChangedAt = null, string? Note = null);

/// <summary>The consultant a patient is assigned to; null removes the assignment.</summary>
public sealed record AssignmentInput(Guid? UserId);

/// <summary>A bad input: the field (JSON path, e.g. <c>phones[0].number</c>) and the reason.</summary>
public sealed record FieldError(string Field, string Reason);

/// <summary>Another patient already has this phone or MRN.</summary>
public sealed record DuplicateWarning(string Field, Guid PatientId);
