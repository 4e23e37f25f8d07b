namespace CallCenter.Core.Reminders;

/// <summary>Purposes of the messages reminders send (the outbox's templates are chosen by purpose, channel and language).</summary>
public static class ReminderPurposes
{
    /// <summary>"Reply 1 to confirm, 2 to cancel": opens a pending reply until the visit.</summary>
    public const string Confirmation = "appointment-confirmation";

    public const string Reminder = "appointment-reminder";

    /// <summary>After a no-show: an invitation to book again.</summary>
    public const string NoShowRebooking = "no-show-rebooking";

    /// <summary>A freed place offered to a waiting patient: "reply 1 within 30 minutes to take it".</summary>
    public const string WaitlistOffer = "waitlist-offer";

    public static IReadOnlyList<string> PlanSteps { get; } = [Confirmation, Reminder];
}
