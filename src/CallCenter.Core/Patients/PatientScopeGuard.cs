using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;

namespace CallCenter.Core.Patients;

/// <summary>
/// The gate in front of every operation on one patient: answers whether the actor may go on, and when not,
/// writes the audit row (NotFound for no such patient, Denied for one outside the actor's scope).
/// </summary>
public sealed class PatientScopeGuard(IPatientScopeReader scopes, IAuditLog audit)
{
    public async Task<bool> AllowAsync(Actor actor, Guid patientId, string operation, CancellationToken cancellationToken = default)
    {
        var scope = await scopes.FindAsync(patientId, cancellationToken);
        return await AllowAsync(actor, patientId, scope is not null, scope?.AssignedUserId, operation, cancellationToken);
    }

    /// <summary>The same check when the caller has already loaded the patient (or found none).</summary>
    public async Task<bool> AllowAsync(
        Actor actor, Guid patientId, bool exists, Guid? assignedUserId, string operation, CancellationToken cancellationToken = default)
    {
        if (!exists)
        {
            await audit.WriteAsync(actor, operation, patientId, AuditOutcomes.NotFound, null, cancellationToken);
            return false;
        }

        if (!PatientAccess.CanSee(actor, assignedUserId))
        {
            await audit.WriteAsync(actor, operation, patientId, AuditOutcomes.Denied, "assigned to another consultant", cancellationToken);
            return false;
        }

        return true;
    }
}
