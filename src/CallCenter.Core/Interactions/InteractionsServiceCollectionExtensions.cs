using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Interactions;

public static class InteractionsServiceCollectionExtensions
{
    public static IServiceCollection AddInteractions(this IServiceCollection services)
    {
        services.AddSingleton<IInteractionRepository, InteractionRepository>();
        services.AddSingleton<TimelineService>();
        return services;
    }
}
