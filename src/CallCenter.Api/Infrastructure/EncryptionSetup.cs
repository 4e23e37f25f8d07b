using CallCenter.Core.Data.Encryption;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Infrastructure;

/// <summary>Where the field-encryption keys come from when nothing is configured, by environment.</summary>
internal static class EncryptionSetup
{
    /// <summary>The key file made outside Production when no key is configured, in the sign-in keys' folder.</summary>
    public const string GeneratedKeyFileName = "field-encryption.json";

    /// <summary>
    /// Outside Production, no key and no key file means a generated key file beside the sign-in keys (with a warning),
    /// so the quick start needs no step; Production keeps the settings as they are and start-up fails without a key.
    /// A relative key file is taken from the content root. Also checks the keys at start-up (<see cref="KeyProtectionCheck"/>).
    /// </summary>
    public static IServiceCollection AddKeyProtection(this IServiceCollection services)
    {
        services.AddHostedService<KeyProtectionCheck>();
        services.AddOptions<EncryptionOptions>()
            .PostConfigure<IHostEnvironment, IOptions<AuthOptions>>((encryption, environment, auth) =>
            {
                if (!environment.IsProduction() && !encryption.Keys.Values.Any(v => !string.IsNullOrEmpty(v)) && string.IsNullOrWhiteSpace(encryption.KeyFile))
                {
                    encryption.KeyFile = Path.Combine(auth.Value.DataProtectionKeysPath, GeneratedKeyFileName);
                    encryption.GenerateKeyFile = true;
                }

                if (!string.IsNullOrWhiteSpace(encryption.KeyFile))
                {
                    encryption.KeyFile = Path.GetFullPath(encryption.KeyFile, environment.ContentRootPath);
                }
            });
        return services;
    }
}
