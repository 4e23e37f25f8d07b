namespace CallCenter.Core.Accounts;

/// <summary>Who is acting: the signed-in user, recorded on audit rows and checked against patient scope.</summary>
public sealed record Actor(Guid UserId, string UserName, string Role)
{
    public bool IsSupervisorOrAdmin => Role is Roles.Supervisor or Roles.Admin;

    /// <summary>A system actor for work the hub does by itself (seeding, scheduled jobs).</summary>
    public static Actor System { get; } = new(Guid.Empty, "system", Roles.Admin);

    /// <summary>
    /// The IVR, acting for the caller on the line: it serves every patient (so it sees past consultant
    /// assignments), and its audit rows say "ivr" so staff can tell them from their own.
    /// </summary>
    public static Actor Ivr { get; } = new(Guid.Empty, "ivr", Roles.Admin);
}
