namespace CallCenter.Core.Conversations;

/// <summary>
/// Hears of each text added to an SMS conversation by the IVR (a new conversation, or a text joining an open one),
/// once it is stored. The host implements it: the desk routes a new conversation and passes a text to the agent
/// holding one.
/// </summary>
public interface IConversationMessageListener
{
    Task MessageAddedAsync(Guid conversationId, string messageSid, CancellationToken cancellationToken);
}
