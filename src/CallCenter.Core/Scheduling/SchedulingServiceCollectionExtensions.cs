using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        return services;
    }
}
