using CallCenter.Core.Wallboard.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace Notifications.Wallboard;

public static class WallboardAlertMailServiceCollectionExtensions
{
    /// <summary>Wallboard alerts' emails through the outbox (<see cref="WallboardAlertMailer"/>). Needs <c>AddNotifications</c>.</summary>
    public static IServiceCollection AddWallboardAlertMail(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IWallboardAlertMailer, WallboardAlertMailer>();
        return services;
    }
}
