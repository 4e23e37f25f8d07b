using CallCenter.Core.Desk.Data;
using CallCenter.Core.Messaging;

namespace CallCenter.Core.Desk;

/// <summary>Hears of texts added to SMS conversations (from the IVR's inbox port).</summary>
public interface IConversationListener
{
    Task MessageAddedAsync(Guid conversationId, string messageSid, CancellationToken cancellationToken);
}
