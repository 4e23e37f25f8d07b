namespace CallCenter.Core.Patients;

/// <summary>A saved patient, with its current consents and any duplicate warnings (shared phones).</summary>
public sealed record PatientDetails(Patient Patient, IReadOnlyList<PatientConsent> Consents, IReadOnlyList<DuplicateWarning> Warnings);
