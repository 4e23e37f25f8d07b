using Microsoft.Extensions.Options;

namespace CallCenter.Core.Data.Encryption;

/// <summary>Stops start-up when no usable key is configured, naming the setting to fix.</summary>
internal sealed class EncryptionOptionsValidator : IValidateOptions<EncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, EncryptionOptions options) =>
        FieldKeyRing.Problem(options) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
