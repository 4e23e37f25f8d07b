using Microsoft.Extensions.Options;

namespace CallCenter.Core.Ivr.Verification;

/// <summary>Stops start-up on a bad verification setting, naming it.</summary>
internal sealed class IvrVerificationOptionsValidator : IValidateOptions<IvrVerificationOptions>
{
    public ValidateOptionsResult Validate(string? name, IvrVerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxFailuresPerNumber is < 1 or > 100)
        {
            failures.Add($"{IvrVerificationOptions.SectionName}:MaxFailuresPerNumber must be between 1 and 100.");
        }

        if (options.MaxFailuresPerPatient is < 1 or > 100)
        {
            failures.Add($"{IvrVerificationOptions.SectionName}:MaxFailuresPerPatient must be between 1 and 100.");
        }

        if (options.WindowMinutes is < 1 or > 60 * 24 * 30)
        {
            failures.Add($"{IvrVerificationOptions.SectionName}:WindowMinutes must be between 1 and {60 * 24 * 30}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
