using CallCenter.Core.Messaging;
using CallCenter.Core.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Notifications.Channels;
using Notifications.Channels.Email;
using Notifications.Channels.Voice;
using Notifications.Outbox;
using Notifications.Rules;
using Notifications.Surveys;
using Notifications.Templates;
using Twilio.Protocol.Sms;

namespace Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// The outbound side: the SMS channel the IVR texts through, and the notification outbox (enqueue with
    /// <see cref="INotificationOutbox"/>; a background dispatcher sends due rows over the registered
    /// <see cref="INotificationChannel"/>s: SMS through Twilio's protocol, and email over SMTP with the settings of
    /// <c>Notifications:Email</c> when its Host is set, and reminder calls through Twilio's Calls API playing a voice flow), its rules and templates. Needs the Core
    /// (<c>AddCallCenterCore</c>) and the Twilio protocol (<c>AddTwilioProtocol</c>) from the host.
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

        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RulesOptions>().BindConfiguration(RulesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmsChannelOptions>().BindConfiguration(SmsChannelOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<VoiceChannelOptions>().BindConfiguration(VoiceChannelOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<INotificationRepository, NotificationRepository>();
        services.AddSingleton<ITemplateRepository, TemplateRepository>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<INotificationOutbox, NotificationOutbox>();
        services.AddSingleton<NotificationService>();
        services.AddSingleton<TemplateService>();
        services.AddSingleton<SendFactsReader>();
        services.AddSingleton<SendRules>();
        services.AddSingleton<SendRateLimiter>();
        services.AddSingleton<OutboxTimeline>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<IMessageStatusListener, NotificationDeliveryListener>();
        services.AddSingleton<INotificationChannel, SmsNotificationChannel>();
        services.AddSingleton<INotificationChannel, EmailNotificationChannel>();
        services.AddSingleton<IVoiceCallRepository, VoiceCallRepository>();
        services.AddSingleton<INotificationChannel, VoiceNotificationChannel>();
        services.AddSingleton<ISurveyOutbox, NotificationSurveyOutbox>();
        services.AddHostedService<OutboxDispatcherService>();
        return services;
    }

    /// <summary>
    /// The hub's side of reminder calls (<see cref="IVoiceReminderCalls"/>, for its two webhooks): plays the reminder
    /// flow on an answered call and moves the row with the call's progress. Needs <see cref="AddNotifications"/> and
    /// the IVR (<c>AddIvr</c>) from the host.
    /// </summary>
    public static IServiceCollection AddVoiceReminderCalls(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IVoiceReminderCalls, VoiceReminderCalls>();
        return services;
    }
}
