namespace CallCenter.Core.Patients;

/// <summary>Another patient already has this phone or MRN.</summary>
public sealed record DuplicateWarning(string Field, Guid PatientId);
