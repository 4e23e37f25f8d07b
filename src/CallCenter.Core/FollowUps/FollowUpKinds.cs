namespace CallCenter.Core.FollowUps;

public static class FollowUpKinds
{
    public const string Voicemail = "voicemail";
}
