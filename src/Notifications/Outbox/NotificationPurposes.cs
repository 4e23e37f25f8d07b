using CallCenter.Core.Patients;

namespace Notifications.Outbox;

/// <summary>What a message is for: the patients' purposes (consent can be given per purpose) and the staff's report.</summary>
public static class NotificationPurposes
{
    public const string AppointmentConfirmation = ConsentPurposes.AppointmentConfirmation;
    public const string AppointmentReminder = ConsentPurposes.AppointmentReminder;
    public const string WaitlistOffer = ConsentPurposes.WaitlistOffer;
    public const string NoShow = ConsentPurposes.NoShow;
    public const string Survey = ConsentPurposes.Survey;

    /// <summary>The daily operations email to supervisors: no patient, no consent, no quiet hours.</summary>
    public const string OpsReport = "ops-report";

    public static readonly IReadOnlyList<string> All = [.. ConsentPurposes.All, OpsReport];
}
