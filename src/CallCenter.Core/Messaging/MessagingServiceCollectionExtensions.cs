using CallCenter.Core.Patients;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallCenter.Core.Messaging;

public static class MessagingServiceCollectionExtensions
{
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.TryAddSingleton<CallerIdMatcher>();
        services.AddSingleton<IMessageRepository, MessageRepository>();
        services.AddSingleton<MessageService>();
        services.AddSingleton<IRecipientSuppressions, RecipientSuppressionRepository>();
        return services;
    }
}
