using System.Globalization;
using CallCenter.Core.Messaging;
using CallCenter.Core.Patients;
using Microsoft.Extensions.Options;
using Notifications.Outbox;

namespace Notifications.Rules;

/// <summary>
/// The rules a message meets at the moment it would go (not only when it was scheduled, as consent and the clock move
/// on): the recipient not suppressed (STOP, 21610); the patient's consent for the channel and purpose; the purpose's
/// window in the patient's time zone, holidays closed; the frequency cap (urgent messages bypass it). A message that
/// could only go after it expires is dropped as expired.
/// </summary>
internal sealed class SendRules(
    IRecipientSuppressions suppressions,
    IPatientConsentRepository consents,
    IPatientRepository patients,
    INotificationRepository notifications,
    IOptionsMonitor<RulesOptions> options)
{
    public async Task<RuleDecision> CheckAsync(Notification message, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var rules = options.CurrentValue;
        if (message.ExpiresAt is { } expires && expires <= now)
        {
            return RuleDecision.Never(NotificationStatuses.Expired, "expired");
        }

        if (await suppressions.FindAsync(message.Channel, message.Recipient, cancellationToken) is { } suppressed)
        {
            return RuleDecision.Never(NotificationStatuses.Suppressed, "suppressed: " + suppressed);
        }

        TimeZoneInfo? zone = null;
        if (message.PatientId is { } patientId)
        {
            var history = await consents.HistoryAsync(patientId, cancellationToken);
            if (!PatientConsent.Allows(history, message.Channel, message.Purpose))
            {
                return RuleDecision.Never(NotificationStatuses.Suppressed, "consent-withdrawn");
            }

            var patient = await patients.FindAsync(patientId, cancellationToken);
            if (patient is not null && TimeZoneInfo.TryFindSystemTimeZoneById(patient.TimeZone, out var own))
            {
                zone = own;
            }
        }

        zone ??= TimeZoneInfo.FindSystemTimeZoneById(rules.DefaultTimeZone);
        var holidays = rules.Holidays.Select(h => DateOnly.ParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
        var allowed = QuietHours.NextAllowed(now, zone, rules.WindowFor(message.Purpose), holidays);
        if (allowed is not { } opens || (message.ExpiresAt is { } expiry && opens >= expiry))
        {
            return RuleDecision.Never(NotificationStatuses.Expired, "quiet-hours-until-expiry");
        }

        if (opens > now)
        {
            return RuleDecision.Defer(opens, "quiet-hours");
        }

        if (!message.Urgent && rules.MaxPerPatient > 0 && message.PatientId is { } capped)
        {
            var (count, oldest) = await notifications.CountSentSinceAsync(capped, now - rules.FrequencyWindow, cancellationToken);
            if (count >= rules.MaxPerPatient)
            {
                // A place frees when the oldest message in the window leaves it; the quiet hours are checked again then.
                var frees = (oldest ?? now) + rules.FrequencyWindow;
                return message.ExpiresAt is { } until && frees >= until
                    ? RuleDecision.Never(NotificationStatuses.Expired, "frequency-cap-until-expiry")
                    : RuleDecision.Defer(frees, "frequency-cap");
            }
        }

        return RuleDecision.Send;
    }
}
