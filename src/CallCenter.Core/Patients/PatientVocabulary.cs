namespace CallCenter.Core.Patients;

/// <summary>Gender as recorded on a patient: female, male, other or unknown.</summary>
public static class Genders
{
    public const string Female = "female";
    public const string Male = "male";
    public const string Other = "other";
    public const string Unknown = "unknown";

    public static readonly IReadOnlyList<string> All = [Female, Male, Other, Unknown];
}
