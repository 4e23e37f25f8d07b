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

/// <summary>What kind of line a patient's phone number is.</summary>
public static class PhoneKinds
{
    public const string Mobile = "mobile";
    public const string Home = "home";
    public const string Work = "work";

    public static readonly IReadOnlyList<string> All = [Mobile, Home, Work];
}

/// <summary>The channels a patient gives or withdraws consent for.</summary>
public static class ConsentChannels
{
    public const string Sms = "sms";
    public const string Voice = "voice";
    public const string Email = "email";

    public static readonly IReadOnlyList<string> All = [Sms, Voice, Email];
}

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
