using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Retention;

internal static class RetentionServiceCollectionExtensions
{
    /// <summary>The purge of old webhook receipts, IVR sessions and SMS bodies; a too-small age stops start-up.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>()
            .BindConfiguration(RetentionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RetentionPurger>();
        return services;
    }
}
