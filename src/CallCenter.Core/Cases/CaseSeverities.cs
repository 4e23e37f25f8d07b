namespace CallCenter.Core.Cases;

/// <summary>How serious a complaint is; each severity has its own first-response and resolution times (<see cref="CaseOptions.DueTimes"/>).</summary>
public static class CaseSeverities
{
    public const string Low = "low";
    public const string Medium = "medium";
    public const string High = "high";
    public const string Critical = "critical";

    public static readonly IReadOnlyList<string> All = [Low, Medium, High, Critical];
}
