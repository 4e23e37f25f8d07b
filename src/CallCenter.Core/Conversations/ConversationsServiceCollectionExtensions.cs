using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Conversations;

public static class ConversationsServiceCollectionExtensions
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddSingleton<ISmsReplyRepository, SmsReplyRepository>();
        services.AddSingleton<IConversationRepository, ConversationRepository>();
        return services;
    }
}
