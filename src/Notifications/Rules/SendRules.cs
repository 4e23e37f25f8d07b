using System.Globalization;
using CallCenter.Core.Patients;
using Microsoft.Extensions.Options;
using Notifications.Outbox;

namespace Notifications.Rules;

/// <summary>
/// The rules a message meets at the moment it would go (not only when it was scheduled, as consent and the clock move
/// on): the recipient not suppressed (STOP, 21610); the patient's consent for the channel and purpose; the purpose's
/// window in the patient's time zone, holidays closed; the frequency cap (urgent messages bypass it). A message that
/// could only go after it expires is dropped as expired. The facts come read for a whole claimed batch
/// (<see cref="SendFactsReader"/>); deciding is then memory only.
/// </summary>
internal sealed class SendRules(SendFactsReader reader, IOptionsMonitor<RulesOptions> options)
{
    private readonly Lock _cacheLock = new();
    private (IList<string> Source, HashSet<DateOnly> Dates)? _holidays;

    /// <summary>Reads what the rules need for the batch claimed with <paramref name="claimToken"/>.</summary>
    public Task<SendFacts> ReadFactsAsync(Guid claimToken, IReadOnlyList<Notification> batch, DateTime now, CancellationToken cancellationToken) =>
        reader.ReadAsync(claimToken, batch.Any(n => n.PatientId is not null), now - options.CurrentValue.FrequencyWindow, cancellationToken);

    public RuleDecision Check(Notification message, SendFacts facts, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(facts);
        var rules = options.CurrentValue;
        if (message.ExpiresAt is { } expires && expires <= now)
        {
            return RuleDecision.Never(NotificationStatuses.Expired, "expired");
        }

        if (facts.Suppressed.TryGetValue((message.Channel, message.Recipient), out var suppressed))
        {
            return RuleDecision.Never(NotificationStatuses.Suppressed, "suppressed: " + suppressed);
        }

        TimeZoneInfo? zone = null;
        if (message.PatientId is { } patientId)
        {
            var history = facts.Consents.TryGetValue(patientId, out var found) ? found : [];
            if (!PatientConsent.Allows(history, message.Channel, message.Purpose))
            {
                return RuleDecision.Never(NotificationStatuses.Suppressed, "consent-withdrawn");
            }

            if (facts.TimeZones.TryGetValue(patientId, out var zoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var own))
            {
                zone = own;
            }
        }

        zone ??= TimeZoneInfo.FindSystemTimeZoneById(rules.DefaultTimeZone);
        var allowed = QuietHours.NextAllowed(now, zone, rules.WindowFor(message.Purpose), Holidays(rules));
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
            var (count, oldest) = facts.SentFor(capped);
            if (count >= rules.MaxPerPatient)
            {
                // A place frees when the oldest message in the window leaves it; the quiet hours are checked again then.
                var frees = (oldest ?? now) + rules.FrequencyWindow;
                return message.ExpiresAt is { } until && frees >= until
                    ? RuleDecision.Never(NotificationStatuses.Expired, "frequency-cap-until-expiry")
                    : RuleDecision.Defer(frees, "frequency-cap");
            }

            facts.CountSend(capped, now);
        }

        return RuleDecision.Send;
    }

    // Parsed once per configuration, not once per message.
    private HashSet<DateOnly> Holidays(RulesOptions rules)
    {
        lock (_cacheLock)
        {
            if (_holidays is not { } cached || !ReferenceEquals(cached.Source, rules.Holidays))
            {
                var dates = rules.Holidays.Select(h => DateOnly.ParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
                _holidays = cached = (rules.Holidays, dates);
            }

            return cached.Dates;
        }
    }
}
