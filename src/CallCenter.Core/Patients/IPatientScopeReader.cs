using CallCenter.Core.Accounts;

namespace CallCenter.Core.Patients;

/// <summary>Reads a patient's scope without loading the record: for features that act on a patient by ID.</summary>
public interface IPatientScopeReader
{
    /// <summary>Null when no such patient exists.</summary>
    Task<PatientScope?> FindAsync(Guid patientId, CancellationToken cancellationToken = default);

    /// <summary>True when the patient exists and the actor may see it.</summary>
    async Task<bool> CanSeeAsync(Actor actor, Guid patientId, CancellationToken cancellationToken = default) =>
        await FindAsync(patientId, cancellationToken) is { } scope && PatientAccess.CanSee(actor, scope.AssignedUserId);
}
