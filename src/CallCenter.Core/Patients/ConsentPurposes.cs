namespace CallCenter.Core.Patients;

/// <summary>
/// What a message to a patient is for, as consent can be given or withdrawn for it alone (a patient may want
/// reminders but no surveys). The notification outbox sends with these purposes.
/// </summary>
public static class ConsentPurposes
{
    public const string AppointmentConfirmation = "appointment-confirmation";
    public const string AppointmentReminder = "appointment-reminder";
    public const string WaitlistOffer = "waitlist-offer";
    public const string NoShow = "no-show";
    public const string Survey = "survey";

    public static readonly IReadOnlyList<string> All = [AppointmentConfirmation, AppointmentReminder, WaitlistOffer, NoShow, Survey];
}
