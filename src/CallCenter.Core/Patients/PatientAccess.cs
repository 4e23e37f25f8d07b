using CallCenter.Core.Accounts;

namespace CallCenter.Core.Patients;

/// <summary>
/// Who may see a patient. A patient assigned to a consultant (an agent) is visible only to that consultant,
/// supervisors and admins; to anyone else the patient does not exist (404, never 403, so IDs reveal nothing).
/// </summary>
public static class PatientAccess
{
    public static bool CanSee(Actor actor, Guid? assignedUserId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return assignedUserId is null || actor.IsSupervisorOrAdmin || assignedUserId == actor.UserId;
    }
}

/// <summary>The facts <see cref="PatientAccess"/> needs about one patient.</summary>
public sealed record PatientScope
{
    public required Guid Id { get; init; }

    public Guid? AssignedUserId { get; init; }
}

/// <summary>Reads a patient's scope without loading the record: for features that act on a patient by ID.</summary>
public interface IPatientScopeReader
{
    /// <summary>Null when no such patient exists.</summary>
    Task<PatientScope?> FindAsync(Guid patientId, CancellationToken cancellationToken = default);

    /// <summary>True when the patient exists and the actor may see it.</summary>
    async Task<bool> CanSeeAsync(Actor actor, Guid patientId, CancellationToken cancellationToken = default) =>
        await FindAsync(patientId, cancellationToken) is { } scope && PatientAccess.CanSee(actor, scope.AssignedUserId);
}
