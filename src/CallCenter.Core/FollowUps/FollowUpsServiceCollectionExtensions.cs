using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.FollowUps;

public static class FollowUpsServiceCollectionExtensions
{
    public static IServiceCollection AddFollowUps(this IServiceCollection services)
    {
        services.AddSingleton<IFollowUpRepository, FollowUpRepository>();
        return services;
    }
}
