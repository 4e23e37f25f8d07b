using CallCenter.Core.Accounts;

namespace CallCenter.Api.Infrastructure;

/// <summary>Authorization policies, one per minimum role. Every route group names one.</summary>
internal static class Policies
{
    /// <summary>Agents, supervisors and admins.</summary>
    public const string Agent = "role:agent";

    /// <summary>Supervisors and admins.</summary>
    public const string Supervisor = "role:supervisor";

    /// <summary>Admins only.</summary>
    public const string Admin = "role:admin";

    /// <summary>Whoever may watch the wallboard: supervisors, admins and read-only wallboard accounts.</summary>
    public const string WallboardViewer = "role:wallboard-viewer";

    /// <summary>The roles each policy admits; the authorization tests read this table too.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [Agent] = [Roles.Agent, Roles.Supervisor, Roles.Admin],
        [Supervisor] = [Roles.Supervisor, Roles.Admin],
        [Admin] = [Roles.Admin],
        [WallboardViewer] = [Roles.Supervisor, Roles.Admin, Roles.Wallboard],
    };
}
