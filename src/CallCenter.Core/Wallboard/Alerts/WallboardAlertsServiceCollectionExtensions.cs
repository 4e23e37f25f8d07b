using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Wallboard.Alerts;

public static class WallboardAlertsServiceCollectionExtensions
{
    /// <summary>
    /// Wallboard alerts: the stored levels and history, and the check (<see cref="WallboardAlertCheck"/>). Needs an
    /// <see cref="IWallboardBoard"/>, an <see cref="IWallboardAlertMailer"/> (Notifications) and any number of
    /// <see cref="IWallboardAlertListener"/>s from the host.
    /// </summary>
    public static IServiceCollection AddWallboardAlerts(this IServiceCollection services)
    {
        services.AddOptions<WallboardAlertOptions>().BindConfiguration(WallboardAlertOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IWallboardAlertRepository, WallboardAlertRepository>();
        services.AddSingleton<WallboardAlertCheck>();
        return services;
    }
}
