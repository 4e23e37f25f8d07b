namespace CallCenter.Core.Patients;

/// <summary>How a consent was given or withdrawn.</summary>
public static class ConsentMethods
{
    public const string Verbal = "verbal";
    public const string Written = "written";
    public const string SmsKeyword = "sms-keyword";
    public const string Ivr = "ivr";
    public const string Web = "web";
    public const string Import = "import";

    public static readonly IReadOnlyList<string> All = [Verbal, Written, SmsKeyword, Ivr, Web, Import];
}
