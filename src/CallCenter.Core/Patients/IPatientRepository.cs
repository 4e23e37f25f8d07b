using CallCenter.Core.Common;

namespace CallCenter.Core.Patients;

/// <summary>Patients with their phones and tags. No scope checks here: callers apply <see cref="PatientAccess"/>.</summary>
public interface IPatientRepository
{
    /// <summary>Inserts the patient, its phones and tags; <see cref="PatientSaveResult.MrnTaken"/> when the MRN is in use.</summary>
    Task<PatientSaveResult> CreateAsync(Patient patient, CancellationToken cancellationToken = default);

    /// <summary>The patient with phones (primary first) and tags; null when there is none.</summary>
    Task<Patient?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the record, its phones and its tags (not the assignment, not the creation time).</summary>
    Task<PatientSaveResult> UpdateAsync(Patient patient, CancellationToken cancellationToken = default);

    /// <summary>Sets or clears the consultant; false when there is no such patient.</summary>
    Task<bool> SetAssignedUserAsync(Guid id, Guid? userId, DateTime at, CancellationToken cancellationToken = default);

    /// <summary>Patients matching every given criterion, visible to <see cref="PatientSearch.VisibleTo"/>, by name.</summary>
    Task<Page<PatientSummary>> SearchAsync(PatientSearch search, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every patient with this exact E.164 number, oldest first (families share phones), whatever their
    /// assignment: for caller ID, where the system, not a person, looks.
    /// </summary>
    Task<IReadOnlyList<PatientSummary>> FindByPhoneAsync(string e164, CancellationToken cancellationToken = default);

    /// <summary>The patient holding this (normalised) MRN, if any.</summary>
    Task<Guid?> FindIdByMrnAsync(string mrn, CancellationToken cancellationToken = default);
}
