using CallCenter.Core.Conversations;

namespace CallCenter.Api.Ivr;

/// <summary>A text the IVR added to a conversation goes on to the desk (routed when new, passed to its agent when held).</summary>
internal sealed class DeskConversationRelay(IEnumerable<Desk.IConversationListener> desks) : IConversationMessageListener
{
    public async Task MessageAddedAsync(Guid conversationId, string messageSid, CancellationToken cancellationToken)
    {
        foreach (var desk in desks)
        {
            await desk.MessageAddedAsync(conversationId, messageSid, cancellationToken);
        }
    }
}
