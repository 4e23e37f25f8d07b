using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Data.Encryption;

public static class EncryptionServiceCollectionExtensions
{
    /// <summary>The field cipher and the re-encryption pass; keys from <c>Encryption</c>, checked on start.</summary>
    public static IServiceCollection AddFieldEncryption(this IServiceCollection services)
    {
        services.AddOptions<EncryptionOptions>().BindConfiguration(EncryptionOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EncryptionOptions>, EncryptionOptionsValidator>();
        services.AddSingleton<IFieldCipher, FieldCipher>();
        services.AddSingleton<FieldReencryptor>();
        return services;
    }
}
