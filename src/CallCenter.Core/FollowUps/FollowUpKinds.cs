namespace CallCenter.Core.FollowUps;

public static class FollowUpKinds
{
    public const string Voicemail = "voicemail";

    /// <summary>A callback whose attempts ran out (busy, no answer, a machine): a person takes it on.</summary>
    public const string CallbackFailed = "callback-failed";
}
