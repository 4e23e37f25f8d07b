namespace CallCenter.Core.Accounts;

/// <summary>The three roles. Supervisors can do what agents do; admins what supervisors do.</summary>
public static class Roles
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Agent, Supervisor, Admin];

    public static bool IsKnown(string? role) => role is Agent or Supervisor or Admin;
}
