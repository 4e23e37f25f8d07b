using System.ComponentModel.DataAnnotations;

namespace CallCenter.Core.Patients;

/// <summary>Defaults for new patients (section <c>Patients</c>).</summary>
public sealed class PatientOptions : IValidatableObject
{
    public const string SectionName = "Patients";

    /// <summary>IANA time zone given to a patient created without one.</summary>
    [Required]
    public string DefaultTimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Culture name (zh-CN, en-US, ...) given to a patient created without a preferred language.</summary>
    [Required]
    public string DefaultLanguage { get; set; } = "zh-CN";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PatientRules.TryTimeZone(DefaultTimeZone, out _) is { } zoneReason)
        {
            yield return new ValidationResult($"Patients:DefaultTimeZone '{DefaultTimeZone}' {zoneReason}", [nameof(DefaultTimeZone)]);
        }

        if (PatientRules.TryLanguage(DefaultLanguage, out _) is { } languageReason)
        {
            yield return new ValidationResult($"Patients:DefaultLanguage '{DefaultLanguage}' {languageReason}", [nameof(DefaultLanguage)]);
        }
    }
}
