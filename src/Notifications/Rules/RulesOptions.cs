using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Notifications.Rules;

/// <summary>
/// Rules checked at send time (section <c>Notifications:Rules</c>): quiet hours per purpose in the patient's zone,
/// holidays, and the frequency cap per patient.
/// </summary>
public sealed class RulesOptions : IValidatableObject
{
    public const string SectionName = "Notifications:Rules";

    /// <summary>IANA zone for a patient without a valid one, and for messages to no patient.</summary>
    public string DefaultTimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The window every purpose has unless <see cref="ByPurpose"/> says otherwise.</summary>
    public QuietHoursWindow QuietHours { get; set; } = new();

    /// <summary>Windows per purpose (e.g. <c>survey</c>: 10:00-18:00; <c>ops-report</c>: 00:00-24:00).</summary>
    public Dictionary<string, QuietHoursWindow> ByPurpose { get; } = new(StringComparer.Ordinal);

    /// <summary>Local dates (yyyy-MM-dd) nothing non-urgent is sent on, in the recipient's zone.</summary>
    public IList<string> Holidays { get; } = [];

    /// <summary>Non-urgent messages per patient in <see cref="FrequencyWindow"/>; 0 turns the cap off.</summary>
    [Range(0, 1000)]
    public int MaxPerPatient { get; set; } = 3;

    public TimeSpan FrequencyWindow { get; set; } = TimeSpan.FromDays(1);

    public QuietHoursWindow WindowFor(string purpose) => ByPurpose.TryGetValue(purpose, out var window) ? window : QuietHours;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(DefaultTimeZone, out _))
        {
            yield return new ValidationResult($"Notifications:Rules:DefaultTimeZone '{DefaultTimeZone}' is not a known IANA time zone", [nameof(DefaultTimeZone)]);
        }

        foreach (var (name, window) in ByPurpose.Select(p => ($"ByPurpose:{p.Key}", p.Value)).Prepend(("QuietHours", QuietHours)))
        {
            if (Notifications.Rules.QuietHours.Check(window) is { } reason)
            {
                yield return new ValidationResult($"Notifications:Rules:{name} {reason}", [name]);
            }
        }

        foreach (var holiday in Holidays)
        {
            if (!DateOnly.TryParseExact(holiday, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                yield return new ValidationResult($"Notifications:Rules:Holidays '{holiday}' is not a date (yyyy-MM-dd)", [nameof(Holidays)]);
            }
        }

        if (FrequencyWindow <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Notifications:Rules:FrequencyWindow must be positive", [nameof(FrequencyWindow)]);
        }
    }
}
