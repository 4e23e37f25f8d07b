using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Queues;

public static class QueuesServiceCollectionExtensions
{
    public static IServiceCollection AddQueues(this IServiceCollection services)
    {
        services.AddSingleton<IQueueRepository, QueueRepository>();
        services.AddSingleton<IQueueSettingsRepository, QueueSettingsRepository>();
        services.AddSingleton<QueueSettingsService>();
        return services;
    }
}
