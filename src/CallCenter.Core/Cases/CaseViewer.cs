using CallCenter.Core.Accounts;

namespace CallCenter.Core.Cases;

/// <summary>Who is listing: supervisors and admins see every case; others the cases of patients not assigned to another consultant.</summary>
public sealed record CaseViewer(Guid UserId, bool SeesAll)
{
    public static CaseViewer Of(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new CaseViewer(actor.UserId, actor.IsSupervisorOrAdmin);
    }
}
