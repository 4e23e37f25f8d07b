namespace CallCenter.Core.Conversations;

/// <summary>The purposes of hub messages that expect a reply.</summary>
public static class ReplyPurposes
{
    public const string Appointment = "appointment";
    public const string Survey = "survey";

    public static bool ExpectsReply(string purpose) => purpose is Appointment or Survey;
}
