using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;

namespace CallCenter.Core.Patients;

/// <summary>
/// The gate in front of every operation on one patient: answers whether the actor may go on, and when not,
/// writes the audit row (NotFound for no such patient, Denied for one outside the actor's scope).
/// </summary>
public sealed class PatientScopeGuard(IPatientScopeReader scopes, IAuditLog audit)
{
    public Task<bool> AllowAsync(Actor actor, Guid patientId, string operation, CancellationToken cancellationToken = default) =>
        AllowAsync(actor, patientId, operation, detail: null, cancellationToken);

    /// <summary>The same, with an audit detail (IDs only) recorded on a refusal, e.g. the slot being booked.</summary>
    public async Task<bool> AllowAsync(Actor actor, Guid patientId, string operation, string? detail, CancellationToken cancellationToken = default)
    {
        var scope = await scopes.FindAsync(patientId, cancellationToken);
        return await CheckAsync(actor, patientId, scope is not null, scope?.AssignedUserId, operation, detail, cancellationToken);
    }

    /// <summary>The same check when the caller has already loaded the patient (or found none).</summary>
    public Task<bool> AllowAsync(
        Actor actor, Guid patientId, bool exists, Guid? assignedUserId, string operation, CancellationToken cancellationToken = default) =>
        CheckAsync(actor, patientId, exists, assignedUserId, operation, detail: null, cancellationToken);

    private async Task<bool> CheckAsync(
        Actor actor, Guid patientId, bool exists, Guid? assignedUserId, string operation, string? detail, CancellationToken cancellationToken)
    {
        if (!exists)
        {
            await audit.WriteAsync(actor, operation, patientId, AuditOutcomes.NotFound, detail, cancellationToken);
            return false;
        }

        if (!PatientAccess.CanSee(actor, assignedUserId))
        {
            var reason = detail is null ? "assigned to another consultant" : $"assigned to another consultant; {detail}";
            await audit.WriteAsync(actor, operation, patientId, AuditOutcomes.Denied, reason, cancellationToken);
            return false;
        }

        return true;
    }
}
