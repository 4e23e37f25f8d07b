using CallCenter.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Channels;
using Twilio.Protocol.Sms;

namespace Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// The outbound side: the channels messages leave by (SMS through Twilio's protocol; email, the outbox and its
    /// schedules come with the outbound issues). Needs the Twilio protocol (<c>AddTwilioProtocol</c>) from the host.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<SmsSegmentCalculator>();
        services.AddSingleton<ISmsCarrier, TwilioSmsChannel>();
        return services;
    }
}
