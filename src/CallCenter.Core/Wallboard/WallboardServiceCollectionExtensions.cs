using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Wallboard;

public static class WallboardServiceCollectionExtensions
{
    /// <summary>
    /// The queue event log's writer, the wallboard's change signal, the centre's clock (<c>Wallboard:TimeZone</c>) and
    /// the board computed from the database.
    /// </summary>
    public static IServiceCollection AddWallboard(this IServiceCollection services)
    {
        services.AddOptions<WallboardOptions>().BindConfiguration(WallboardOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CentreClock>();
        services.AddSingleton<IQueueEventLog, QueueEventLog>();
        services.AddSingleton<WallboardSignal>();
        services.AddSingleton<IWallboardSignal>(sp => sp.GetRequiredService<WallboardSignal>());
        services.AddSingleton<IWallboardReader, WallboardReader>();
        services.AddSingleton<IWallboardBoard, WallboardBoard>();
        return services;
    }
}
