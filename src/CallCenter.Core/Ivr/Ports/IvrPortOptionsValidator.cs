using Microsoft.Extensions.Options;

namespace CallCenter.Core.Ivr.Ports;

/// <summary>Stops start-up on a bad IVR setting, naming it.</summary>
internal sealed class IvrPortOptionsValidator : IValidateOptions<IvrPortOptions>
{
    public ValidateOptionsResult Validate(string? name, IvrPortOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ReplyWindowHours is < 1 or > 24 * 90)
        {
            failures.Add($"{IvrPortOptions.SectionName}:ReplyWindowHours must be between 1 and {24 * 90}.");
        }

        if (options.Queues.DefaultHandleSeconds is < 1 or > 3600)
        {
            failures.Add($"{IvrPortOptions.SectionName}:Queues:DefaultHandleSeconds must be between 1 and 3600.");
        }

        foreach (var (endpoint, settings) in options.HttpEndpoints)
        {
            var prefix = $"{IvrPortOptions.SectionName}:HttpEndpoints:{endpoint}";
            if (!Uri.TryCreate(settings.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                failures.Add($"{prefix}:Url must be an absolute http(s) URL.");
            }

            if (!string.Equals(settings.Method, "GET", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(settings.Method, "POST", StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{prefix}:Method must be GET or POST.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
