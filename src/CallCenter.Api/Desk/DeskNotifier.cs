using AgentDesk.Contracts;
using CallCenter.Core.Accounts;
using CallCenter.Core.Agents;
using CallCenter.Core.Desk;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Desk.ScreenPop;
using CallCenter.Core.Routing;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Api.Desk;

/// <summary>Pushes desk events to every device an agent has the desk open on (SignalR user = the agent's ID).</summary>
internal sealed partial class DeskNotifier(
    IHubContext<AgentDeskHub, IAgentDeskClient> hub,
    ScreenPopBuilder screenPops,
    AgentPresence presence,
    IUserRepository users,
    AgentStateService agents,
    IDeskWorkRepository work,
    TimeProvider time,
    ILogger<DeskNotifier> logger) : IDeskNotifier
{
    public async Task OfferReceivedAsync(Offer offer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var agent = presence.Find(offer.AgentId) ?? (await users.FindByIdAsync(offer.AgentId, cancellationToken))?.ToActor();
        if (agent is null)
        {
            return;
        }

        DeskScreenPop pop;
        try
        {
            pop = await screenPops.BuildAsync(offer, agent, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The offer must still ring: the agent answers with what routing knows and refreshes the pop later.
            LogScreenPopFailed(ex, offer.Id);
            pop = new DeskScreenPop { CallerNumber = CallerNumbers.Mask(offer.CallerNumber), Queue = offer.QueueName };
        }

        var transferredBy = offer.TransferredBy is { } by ? (await users.FindByIdAsync(by, cancellationToken))?.UserName : null;
        await Agent(offer.AgentId).OfferReceived(DeskOffers.From(offer, pop, transferredBy));
        await StateChangedAsync(offer.AgentId, cancellationToken);
    }

    public Task OfferWithdrawnAsync(Guid agentId, OfferWithdrawn withdrawn, CancellationToken cancellationToken = default) =>
        Agent(agentId).OfferWithdrawn(withdrawn);

    public Task CallConnectedAsync(Guid agentId, DeskCall connected, CancellationToken cancellationToken = default) =>
        Agent(agentId).CallConnected(connected);

    public Task CallHoldChangedAsync(Guid agentId, DeskCall held, CancellationToken cancellationToken = default) =>
        Agent(agentId).CallHoldChanged(held);

    /// <summary>Also ends the agent's hold on the call, whoever reports the end (the voice path on the caller's hang-up, or the desk).</summary>
    public async Task CallEndedAsync(Guid agentId, DeskCallEnded ended, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ended);
        if (await work.LatestForCallAsync(agentId, ended.CallSid, cancellationToken) is { EndedAt: null } held)
        {
            await work.EndAsync(held.OfferId, ended.Reason, time.GetUtcNow().UtcDateTime, cancellationToken);
        }

        await Agent(agentId).CallEnded(ended);
    }

    public async Task StateChangedAsync(Guid agentId, CancellationToken cancellationToken = default)
    {
        if (await agents.GetAsync(agentId, cancellationToken) is { } status)
        {
            await Agent(agentId).StateChanged(DeskOffers.State(status));
        }
    }

    public Task SmsReceivedAsync(Guid agentId, DeskSms sms, CancellationToken cancellationToken = default) =>
        Agent(agentId).SmsReceived(sms);

    private IAgentDeskClient Agent(Guid agentId) => hub.Clients.User(agentId.ToString());

    [LoggerMessage(LogLevel.Error, "The screen-pop of offer {OfferId} could not be built; offered without it")]
    private partial void LogScreenPopFailed(Exception exception, Guid offerId);
}
