using System.Globalization;
using CallCenter.Core.Callbacks;
using Microsoft.Extensions.Options;
using Notifications.Rules;

namespace Notifications.Callbacks;

/// <summary>
/// Calling hours from the send-time rules: the window of purpose <c>callback</c>
/// (<c>Notifications:Rules:ByPurpose:callback</c>, else <c>QuietHours</c>) and the holidays, in the patient's zone
/// (else <c>DefaultTimeZone</c>), worked out by <see cref="QuietHours"/> as for messages.
/// </summary>
internal sealed class RulesCallingHours(IOptions<RulesOptions> rules) : ICallingHours
{
    public const string Purpose = "callback";

    public DateTime? NextAllowed(DateTime nowUtc, string? patientTimeZone)
    {
        var options = rules.Value;
        var zone = patientTimeZone is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(patientTimeZone, out var own) ? own
            : TimeZoneInfo.FindSystemTimeZoneById(options.DefaultTimeZone);
        var holidays = options.Holidays
            .Select(h => DateOnly.TryParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null)
            .OfType<DateOnly>()
            .ToHashSet();
        return QuietHours.NextAllowed(nowUtc, zone, options.WindowFor(Purpose), holidays);
    }
}
