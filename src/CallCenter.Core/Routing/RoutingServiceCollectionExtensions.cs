using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>
    /// (Not AddRouting: ASP.NET Core has one.) Routing and its <c>Routing</c> settings: the router, the life of an
    /// offer, the offers as they stand and the moves between queues, each its own service over the same rows.
    /// </summary>
    public static IServiceCollection AddCallRouting(this IServiceCollection services)
    {
        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RoutingReader>();
        services.AddSingleton<OfferRepository>();
        services.AddSingleton<IOfferReader>(sp => sp.GetRequiredService<OfferRepository>());
        services.AddSingleton<OfferEvents>();
        services.AddSingleton<OfferClaims>();
        services.AddSingleton<OfferEnder>();
        services.AddSingleton<IWorkRouter, WorkRouter>();
        services.AddSingleton<IOfferLifecycle, OfferLifecycle>();
        services.AddSingleton<IQueueMoves, QueueMoves>();
        services.AddSingleton<IQueueStaffing, QueueStaffing>();
        return services;
    }
}
