namespace CallCenter.Core.Accounts;

/// <summary>
/// The roles. Supervisors can do what agents do; admins what supervisors do. A wallboard account stands apart: it may
/// only watch the wallboard (a TV on the floor), which shows no patient data, and can do nothing an agent does.
/// </summary>
public static class Roles
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";
    public const string Wallboard = "wallboard";

    public static readonly IReadOnlyList<string> All = [Agent, Supervisor, Admin, Wallboard];

    public static bool IsKnown(string? role) => role is Agent or Supervisor or Admin or Wallboard;
}
