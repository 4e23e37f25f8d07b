using CallCenter.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Channels;
using Notifications.Jobs;
using Twilio.Protocol.Sms;

namespace Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// The outbound side: the channels messages leave by (SMS through Twilio's protocol; email and the outbox come
    /// with the outbound issues) and the scheduler their jobs run on (<see cref="JobsServiceCollectionExtensions.AddHubJobs"/>). Needs the Twilio protocol (<c>AddTwilioProtocol</c>) from the host.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<SmsSegmentCalculator>();
        services.AddSingleton<ISmsCarrier, TwilioSmsChannel>();
        services.AddHubJobs();
        return services;
    }
}
