using CallCenter.Core.Accounts;

namespace CallCenter.Core.Patients;

/// <summary>
/// Search criteria, all optional and combined with AND: a name substring (any case), an E.164 number, an
/// MRN. <see cref="VisibleTo"/> null means every patient; else only those the user may see.
/// </summary>
public sealed record PatientSearch(string? Name = null, string? PhoneE164 = null, string? Mrn = null, Guid? VisibleTo = null)
{
    /// <summary>Restricts the search to what the actor may see (supervisors and admins see everyone).</summary>
    public PatientSearch For(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return this with { VisibleTo = actor.IsSupervisorOrAdmin ? null : actor.UserId };
    }
}
