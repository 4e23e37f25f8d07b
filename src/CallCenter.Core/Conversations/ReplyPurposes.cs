namespace CallCenter.Core.Conversations;

/// <summary>The purposes of hub messages that expect a reply.</summary>
public static class ReplyPurposes
{
    public const string Appointment = "appointment";
    public const string Survey = "survey";

    /// <summary>A freed place offered to a waiting patient: "1" takes it, "2" declines.</summary>
    public const string WaitlistOffer = "waitlist-offer";

    public static bool ExpectsReply(string purpose) => purpose is Appointment or Survey or WaitlistOffer;
}
