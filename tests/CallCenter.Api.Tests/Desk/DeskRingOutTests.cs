using AgentDesk.Contracts;
using CallCenter.Api.Desk;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Desk;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Desk;

/// <summary>Offers that ring out or lose their desk go to the next agent; a desk back within the grace keeps its offer.</summary>
public sealed class DeskRingOutTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RingOut_UnansweredOffer_GoesToNextAgentAndCountsMiss(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var queue = await hub.AddQueueAsync();
        await using var first = await hub.ConnectAgentAsync();
        await using var second = await hub.ConnectAgentAsync();
        await first.AvailableAsync();
        await second.AvailableAsync();
        var callSid = await hub.EnqueueAsync(queue, patientId: null);
        var (ringing, other) = await FirstToRingAsync(first, second, callSid);
        var offer = ringing.Offers.Single(o => o.CallSid == callSid);

        hub.Time.Advance(offer.ExpiresAt - hub.Time.GetUtcNow());
        await AdvanceUntilAsync(hub, () => other.Offers.Any(o => o.CallSid == callSid), "the next agent's offer");

        Assert.Equal("rang-out", (await ringing.WithdrawnAsync(offer.OfferId)).Reason);
        var missed = (await ringing.DeskAsync()).State;
        Assert.Equal((1, "available"), (missed.MissedOffers, missed.State));
        Assert.Equal("reserved", (await other.DeskAsync()).State.State);
        await hub.LeaveAsync(callSid);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Disconnect_MidOffer_OfferGoesToNextAgentAfterGraceAndAgentGoesOffline(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var queue = await hub.AddQueueAsync();
        var gone = await hub.ConnectAgentAsync();
        await gone.AvailableAsync();
        var callSid = await hub.EnqueueAsync(queue, patientId: null);
        var offer = await gone.OfferForAsync(callSid);
        await using var next = await hub.ConnectAgentAsync();
        await next.AvailableAsync();

        await gone.DisposeAsync();
        await DisconnectedAsync(hub, gone.User.Id);
        hub.Time.Advance(TimeSpan.FromSeconds(new DeskOptions().ReconnectGraceSeconds));

        await next.OfferForAsync(callSid);
        var state = await hub.Services.GetRequiredService<CallCenter.Core.Agents.AgentStateService>().GetAsync(gone.User.Id);
        Assert.Equal(CallCenter.Core.Agents.AgentState.Offline, state!.State);
        Assert.NotEqual(offer.OfferId, next.Offers.Single(o => o.CallSid == callSid).OfferId);
        await hub.LeaveAsync(callSid);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Reconnect_WithinGrace_GetsRingingOfferBack(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var queue = await hub.AddQueueAsync();
        var (user, token) = await hub.SignInAsAsync(CallCenter.Core.Accounts.Roles.Agent);
        var dropped = await hub.ConnectAsync(user, token);
        await dropped.AvailableAsync();
        var callSid = await hub.EnqueueAsync(queue, patientId: null);
        var offer = await dropped.OfferForAsync(callSid);

        await dropped.DisposeAsync();
        await DisconnectedAsync(hub, user.Id);
        hub.Time.Advance(TimeSpan.FromSeconds(2));
        await using var back = await hub.ConnectAsync(user, token);
        // The client's start can finish before the hub has registered the connection; the grace must not run out first.
        await Polling.UntilAsync(() => Task.FromResult(hub.Services.GetRequiredService<AgentPresence>().IsConnected(user.Id)), c => c, "the hub noticing the reconnect");
        hub.Time.Advance(TimeSpan.FromSeconds(new DeskOptions().ReconnectGraceSeconds + 2));

        var snapshot = await back.DeskAsync();
        Assert.Equal([offer.OfferId], snapshot.Ringing.Select(o => o.OfferId));
        Assert.Equal("reserved", snapshot.State.State);
        Assert.True((await back.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId)).Ok);
    }

    private static async Task<(DeskClient Ringing, DeskClient Other)> FirstToRingAsync(DeskClient a, DeskClient b, string callSid)
    {
        var ringing = await Polling.UntilAsync(
            () => Task.FromResult(a.Offers.Any(o => o.CallSid == callSid) ? a : b.Offers.Any(o => o.CallSid == callSid) ? b : null),
            d => d is not null,
            "an offer at either agent");
        return ringing == a ? (a, b) : (b, a);
    }

    private static Task<bool> DisconnectedAsync(DeskHub hub, Guid userId) =>
        Polling.UntilAsync(() => Task.FromResult(hub.Services.GetRequiredService<AgentPresence>().IsConnected(userId)), c => !c, "the hub noticing the disconnect");

    /// <summary>Moves the clock a little at a time until the router's next pass has done it (the pass runs on its own thread).</summary>
    private static Task<bool> AdvanceUntilAsync(DeskHub hub, Func<bool> done, string what) =>
        Polling.UntilAsync(
            () =>
            {
                var reached = done();
                if (!reached)
                {
                    hub.Time.Advance(TimeSpan.FromMilliseconds(200));
                }

                return Task.FromResult(reached);
            },
            reached => reached,
            what);
}
