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
