namespace CallCenter.Core.Accounts;

/// <summary>Who is acting: the signed-in user, recorded on audit rows and checked against patient scope.</summary>
public sealed record Actor(Guid UserId, string UserName, string Role)
{
    public bool IsSupervisorOrAdmin => Role is Roles.Supervisor or Roles.Admin;

    /// <summary>A system actor for work the hub does by itself (seeding, scheduled jobs).</summary>
    public static Actor System { get; } = new(Guid.Empty, "system", Roles.Admin);
}
