using AgentDesk.Contracts;
using CallCenter.Core.Routing;

namespace CallCenter.Core.Desk;

/// <summary>Pushes desk events to an agent's connected clients (every device they are signed in on).</summary>
public interface IDeskNotifier
{
    Task OfferReceivedAsync(Offer offer, CancellationToken cancellationToken = default);

    Task OfferWithdrawnAsync(Guid agentId, OfferWithdrawn withdrawn, CancellationToken cancellationToken = default);

    Task CallConnectedAsync(Guid agentId, DeskCall connected, CancellationToken cancellationToken = default);

    Task CallHoldChangedAsync(Guid agentId, DeskCall held, CancellationToken cancellationToken = default);

    Task CallEndedAsync(Guid agentId, DeskCallEnded ended, CancellationToken cancellationToken = default);

    /// <summary>Reads the agent's state and pushes it.</summary>
    Task StateChangedAsync(Guid agentId, CancellationToken cancellationToken = default);

    Task SmsReceivedAsync(Guid agentId, DeskSms sms, CancellationToken cancellationToken = default);
}
