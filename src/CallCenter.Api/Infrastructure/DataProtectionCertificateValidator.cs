using Microsoft.Extensions.Options;

namespace CallCenter.Api.Infrastructure;

/// <summary>Stops start-up when the configured key-protection certificate cannot be opened or has no private key.</summary>
internal sealed class DataProtectionCertificateValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options) =>
        DataProtectionCertificate.Problem(options, environment.ContentRootPath) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}
