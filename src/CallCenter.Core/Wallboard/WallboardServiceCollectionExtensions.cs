using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Wallboard;

public static class WallboardServiceCollectionExtensions
{
    /// <summary>The queue event log's writer and the wallboard's change signal.</summary>
    public static IServiceCollection AddWallboard(this IServiceCollection services)
    {
        services.AddSingleton<IQueueEventLog, QueueEventLog>();
        services.AddSingleton<WallboardSignal>();
        services.AddSingleton<IWallboardSignal>(sp => sp.GetRequiredService<WallboardSignal>());
        return services;
    }
}
