using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Wallboard;

/// <summary>Settings of the wallboard and the interval reports (section <c>Wallboard</c>).</summary>
public sealed class WallboardOptions : IValidatableObject
{
    public const string SectionName = "Wallboard";

    /// <summary>
    /// The centre's time zone (IANA): "today" on the wallboard starts at its local midnight and report dates are read in
    /// it. The same default as <c>Reminders:TimeZone</c>; set both when the centre moves.
    /// </summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(TimeZone) && !CentreClock.TryFindZone(TimeZone, out _))
        {
            yield return new ValidationResult($"Wallboard:TimeZone '{TimeZone}' is not a known time zone.", [nameof(TimeZone)]);
        }
    }
}
