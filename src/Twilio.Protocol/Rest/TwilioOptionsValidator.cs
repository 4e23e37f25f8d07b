using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Twilio.Protocol.Rest;

/// <summary>Stops start-up on a bad Twilio setting, naming the setting (never echoing a secret).</summary>
internal sealed partial class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var failures = new List<string>();
        const string Section = TwilioOptions.SectionName;
        if (!AccountSidPattern().IsMatch(options.AccountSid ?? string.Empty))
        {
            failures.Add($"{Section}:AccountSid must be AC followed by 32 hexadecimal digits.");
        }

        if (string.IsNullOrWhiteSpace(options.AuthToken))
        {
            failures.Add($"{Section}:AuthToken is required (it signs every webhook).");
        }

        var hasKey = !string.IsNullOrEmpty(options.ApiKeySid);
        if (hasKey && !ApiKeySidPattern().IsMatch(options.ApiKeySid!))
        {
            failures.Add($"{Section}:ApiKeySid must be SK followed by 32 hexadecimal digits.");
        }

        if (hasKey != !string.IsNullOrEmpty(options.ApiKeySecret))
        {
            failures.Add($"{Section}:ApiKeySid and {Section}:ApiKeySecret must be set together.");
        }

        if (!IsHttpUrl(options.ApiBaseUrl))
        {
            failures.Add($"{Section}:ApiBaseUrl must be an absolute http or https URL.");
        }

        if (options.PublicBaseUrl is not null && !IsHttpUrl(options.PublicBaseUrl))
        {
            failures.Add($"{Section}:PublicBaseUrl must be an absolute http or https URL.");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            failures.Add($"{Section}:MaxAttempts must be between 1 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add($"{Section}:RetryBaseDelay must be positive and not above {Section}:RetryMaxDelay.");
        }

        if (options.RequestTimeout < TimeSpan.FromSeconds(1) || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Section}:RequestTimeout must be between 00:00:01 and 00:05:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^SK[0-9a-fA-F]{32}$")]
    private static partial Regex ApiKeySidPattern();
}
