using CallCenter.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Notifications.Channels;
using Notifications.Channels.Email;
using Twilio.Protocol.Sms;

namespace Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// The outbound side: the channels messages leave by (SMS through Twilio's protocol; email over SMTP with the
    /// settings of <c>Notifications:Email</c>, off while its Host is empty). Needs the Twilio protocol
    /// (<c>AddTwilioProtocol</c>) from the host.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<SmsSegmentCalculator>();
        services.AddSingleton<ISmsCarrier, TwilioSmsChannel>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.AddSingleton<IEmailSender, EmailSender>();
        return services;
    }
}
