using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>(Not AddRouting: ASP.NET Core has one.) The routing engine and its <c>Routing</c> settings.</summary>
    public static IServiceCollection AddCallRouting(this IServiceCollection services)
    {
        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RoutingReader>();
        services.AddSingleton<OfferRepository>();
        services.AddSingleton<IRoutingEngine, RoutingEngine>();
        return services;
    }
}
