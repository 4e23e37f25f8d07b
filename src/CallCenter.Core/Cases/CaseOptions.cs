using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Cases;

/// <summary>Settings of complaint cases (section <c>Cases</c>).</summary>
public sealed class CaseOptions : IValidatableObject
{
    public const string SectionName = "Cases";

    public const int MaxDescriptionLength = 4000;
    public const int MaxNoteLength = 4000;

    /// <summary>
    /// Due times per severity. Defaults: critical 30 minutes / 8 hours, high 2 hours / 1 day, medium 8 hours / 3 days,
    /// low 1 day / 7 days. A setting replaces one severity's times (<c>Cases:DueTimes:high:FirstResponse</c>).
    /// </summary>
    public Dictionary<string, CaseDueTimes> DueTimes { get; } = new(StringComparer.Ordinal)
    {
        [CaseSeverities.Critical] = new() { FirstResponse = TimeSpan.FromMinutes(30), Resolution = TimeSpan.FromHours(8) },
        [CaseSeverities.High] = new() { FirstResponse = TimeSpan.FromHours(2), Resolution = TimeSpan.FromDays(1) },
        [CaseSeverities.Medium] = new() { FirstResponse = TimeSpan.FromHours(8), Resolution = TimeSpan.FromDays(3) },
        [CaseSeverities.Low] = new() { FirstResponse = TimeSpan.FromDays(1), Resolution = TimeSpan.FromDays(7) },
    };

    /// <summary>The categories a case may have; empty means <see cref="DefaultCategories"/>.</summary>
    public string[]? Categories { get; set; }

    public static readonly IReadOnlyList<string> DefaultCategories =
        ["service", "waiting-time", "staff-attitude", "medical-care", "billing", "facilities", "privacy", "other"];

    // The binder appends configured items to a list that already has defaults, so the defaults live apart.
    public IReadOnlyList<string> EffectiveCategories => Categories is { Length: > 0 } configured ? configured : DefaultCategories;

    /// <summary>The wrap-up disposition that opens a case.</summary>
    [Required]
    public string DeskDisposition { get; set; } = "complaint-logged";

    /// <summary>Category and severity of a case opened at wrap-up (the owner sets the real ones).</summary>
    [Required]
    public string DeskCategory { get; set; } = "service";

    [Required]
    public string DeskSeverity { get; set; } = CaseSeverities.Medium;

    /// <summary>Voicemail categories (queue names) whose messages open a case: the IVR's complaints branch.</summary>
    public string[]? VoicemailCategories { get; set; }

    public IReadOnlyList<string> EffectiveVoicemailCategories => VoicemailCategories is { Length: > 0 } configured ? configured : ["complaints"];

    [Required]
    public string VoicemailCategory { get; set; } = "other";

    [Required]
    public string VoicemailSeverity { get; set; } = CaseSeverities.Medium;

    /// <summary>Who gets the email when a case misses a due time; none configured escalates nothing (and logs it).</summary>
    public List<string> EscalationTo { get; set; } = [];

    /// <summary>Where people open a case, for the escalation email (e.g. https://hub.hospital.example/api/cases/).</summary>
    public string? CaseLinkBase { get; set; }

    public CaseDueTimes DueFor(string severity) => DueTimes[severity];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var severity in CaseSeverities.All)
        {
            if (!DueTimes.TryGetValue(severity, out var due))
            {
                yield return new ValidationResult($"Cases:DueTimes:{severity} is missing", [nameof(DueTimes)]);
            }
            else if (due.FirstResponse <= TimeSpan.Zero || due.Resolution <= TimeSpan.Zero || due.Resolution < due.FirstResponse)
            {
                yield return new ValidationResult(
                    $"Cases:DueTimes:{severity} needs FirstResponse and Resolution above zero, Resolution not before FirstResponse", [nameof(DueTimes)]);
            }
        }

        foreach (var (name, value) in new[] { ("DeskSeverity", DeskSeverity), ("VoicemailSeverity", VoicemailSeverity) })
        {
            if (!CaseSeverities.All.Contains(value, StringComparer.Ordinal))
            {
                yield return new ValidationResult($"Cases:{name} '{value}' must be one of {string.Join(", ", CaseSeverities.All)}", [name]);
            }
        }

        foreach (var (name, value) in new[] { ("DeskCategory", DeskCategory), ("VoicemailCategory", VoicemailCategory) })
        {
            if (!EffectiveCategories.Contains(value, StringComparer.Ordinal))
            {
                yield return new ValidationResult($"Cases:{name} '{value}' must be one of Cases:Categories", [name]);
            }
        }

        foreach (var to in EscalationTo.Where(t => string.IsNullOrWhiteSpace(t) || !t.Contains('@', StringComparison.Ordinal)))
        {
            yield return new ValidationResult($"Cases:EscalationTo '{to}' is not an email address", [nameof(EscalationTo)]);
        }
    }
}
