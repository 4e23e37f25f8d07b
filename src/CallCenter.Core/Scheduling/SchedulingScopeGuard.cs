using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Patients;

namespace CallCenter.Core.Scheduling;

/// <summary>
/// Applies <see cref="PatientAccess"/> for scheduling and audits a refusal: a patient who does not exist and
/// one the actor may not see look the same to the caller (not found) but differ in the audit trail.
/// The patients feature has the same rule in Patients.PatientScopeGuard; once both are merged this can delegate to it.
/// </summary>
public sealed class SchedulingScopeGuard(IPatientScopeReader patients, IAuditLog audit)
{
    /// <summary>True when the patient exists and the actor may see it; otherwise audits the refusal.</summary>
    public async Task<bool> CheckAsync(Actor actor, Guid patientId, string operation, string? detail, CancellationToken cancellationToken = default)
    {
        var scope = await patients.FindAsync(patientId, cancellationToken);
        if (scope is not null && PatientAccess.CanSee(actor, scope.AssignedUserId))
        {
            return true;
        }

        await audit.WriteAsync(actor, operation, patientId, scope is null ? AuditOutcomes.NotFound : AuditOutcomes.Denied, detail, cancellationToken);
        return false;
    }
}
