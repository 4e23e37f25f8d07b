using AgentDesk.Contracts;
using CallCenter.Core.Conversations;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Messaging;

namespace CallCenter.Core.Desk;

/// <summary>Wakes the router for a new conversation and passes a patient's text to the agent holding the conversation.</summary>
public sealed class DeskInbox(IDeskWorkRepository work, IMessageRepository messages, IDeskNotifier notifier, IRoutingSignal routing, TimeProvider time)
    : IConversationMessageListener
{
    public async Task MessageAddedAsync(Guid conversationId, string messageSid, CancellationToken cancellationToken)
    {
        if (await work.ActiveForConversationAsync(conversationId, cancellationToken) is not { } held)
        {
            routing.Wake();
            return;
        }

        var message = await messages.FindBySidAsync(messageSid, cancellationToken);
        var at = message?.CreatedAt ?? time.GetUtcNow().UtcDateTime;
        await notifier.SmsReceivedAsync(held.AgentId, new DeskSms(conversationId, messageSid, message?.Body ?? string.Empty, DeskTimes.Utc(at)), cancellationToken);
    }
}
