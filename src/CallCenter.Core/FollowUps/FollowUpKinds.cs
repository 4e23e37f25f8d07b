namespace CallCenter.Core.FollowUps;

public static class FollowUpKinds
{
    public const string Voicemail = "voicemail";

    /// <summary>A low survey score: a supervisor calls the patient back to put things right.</summary>
    public const string ServiceRecovery = "service-recovery";
}
