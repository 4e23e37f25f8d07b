namespace CallCenter.Core.Patients;

/// <summary>What kind of line a patient's phone number is.</summary>
public static class PhoneKinds
{
    public const string Mobile = "mobile";
    public const string Home = "home";
    public const string Work = "work";

    public static readonly IReadOnlyList<string> All = [Mobile, Home, Work];
}
