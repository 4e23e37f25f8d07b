namespace CallCenter.Core.Patients;

/// <summary>The channels a patient gives or withdraws consent for.</summary>
public static class ConsentChannels
{
    public const string Sms = "sms";
    public const string Voice = "voice";
    public const string Email = "email";

    public static readonly IReadOnlyList<string> All = [Sms, Voice, Email];
}
