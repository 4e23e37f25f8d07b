using Microsoft.Extensions.DependencyInjection;
using Twilio.Protocol.Sms;

namespace Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>Registers the notification services: for now the SMS segment calculator.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<SmsSegmentCalculator>();
        return services;
    }
}
