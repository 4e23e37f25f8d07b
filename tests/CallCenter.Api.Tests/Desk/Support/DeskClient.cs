using System.Collections.Concurrent;
using AgentDesk.Contracts;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallCenter.Api.Tests.Desk.Support;

/// <summary>An agent's desk as a client sees it: the hub connection and every event pushed to it, in order.</summary>
internal sealed class DeskClient(HubConnection connection, UserAccount user) : IAsyncDisposable
{
    public HubConnection Connection { get; } = connection;
    public UserAccount User { get; } = user;
    public ConcurrentQueue<DeskOffer> Offers { get; } = new();
    public ConcurrentQueue<OfferWithdrawn> Withdrawn { get; } = new();
    public ConcurrentQueue<DeskAgentState> States { get; } = new();
    public ConcurrentQueue<DeskCallEnded> Ended { get; } = new();
    public ConcurrentQueue<DeskCall> Connected { get; } = new();
    public ConcurrentQueue<DeskSms> Texts { get; } = new();

    public void Listen()
    {
        Connection.On<DeskOffer>(nameof(IAgentDeskClient.OfferReceived), Offers.Enqueue);
        Connection.On<OfferWithdrawn>(nameof(IAgentDeskClient.OfferWithdrawn), Withdrawn.Enqueue);
        Connection.On<DeskAgentState>(nameof(IAgentDeskClient.StateChanged), States.Enqueue);
        Connection.On<DeskCallEnded>(nameof(IAgentDeskClient.CallEnded), Ended.Enqueue);
        Connection.On<DeskCall>(nameof(IAgentDeskClient.CallConnected), Connected.Enqueue);
        Connection.On<DeskSms>(nameof(IAgentDeskClient.SmsReceived), Texts.Enqueue);
    }

    public Task<DeskResult> InvokeAsync(string method, params object?[] args) => Connection.InvokeCoreAsync<DeskResult>(method, args);

    public Task<DeskSnapshot> DeskAsync() => Connection.InvokeCoreAsync<DeskSnapshot>(nameof(IAgentDeskHub.GetDeskAsync), []);

    public async Task AvailableAsync() =>
        Assert.True((await InvokeAsync(nameof(IAgentDeskHub.SetStateAsync), new SetStateRequest("available"))).Ok);

    /// <summary>Waits for the offer of this call to reach the desk.</summary>
    public async Task<DeskOffer> OfferForAsync(string callSid) =>
        (await Polling.UntilAsync(() => Task.FromResult(Offers.LastOrDefault(o => o.CallSid == callSid)), o => o is not null, $"offer of {callSid} at {User.UserName}"))!;

    public async Task<OfferWithdrawn> WithdrawnAsync(Guid offerId) =>
        (await Polling.UntilAsync(() => Task.FromResult(Withdrawn.LastOrDefault(w => w.OfferId == offerId)), w => w is not null, $"withdrawal of {offerId}"))!;

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
