using MimeKit;
using Microsoft.Extensions.Options;

namespace Notifications.Channels.Email;

/// <summary>Stops start-up on a bad email setting, naming it (never echoing the password). Nothing to check while email is off.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        const string Section = EmailOptions.SectionName;
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"{Section}:Port must be between 1 and 65535.");
        }

        if (!Enum.IsDefined(options.Security))
        {
            failures.Add($"{Section}:Security must be None, StartTls or SslOnConnect.");
        }

        if (!MailboxAddress.TryParse(options.FromAddress, out var from) || from.Address != options.FromAddress.Trim() || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            failures.Add($"{Section}:FromAddress must be one email address (the display name goes in {Section}:FromName).");
        }

        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{Section}:UserName and {Section}:Password must be set together.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{Section}:Timeout must be positive and at most 10 minutes.");
        }

        if (options.TrustedCertificateSha256 is { Length: > 0 } print && !IsSha256Hex(print))
        {
            failures.Add($"{Section}:TrustedCertificateSha256 must be 64 hexadecimal digits (colons allowed).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static string NormalizeFingerprint(string print) => print.Replace(":", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();

    private static bool IsSha256Hex(string print)
    {
        var hex = NormalizeFingerprint(print);
        return hex.Length == 64 && hex.All(Uri.IsHexDigit);
    }
}
