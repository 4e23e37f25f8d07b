using System.Net.Http.Json;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Agents;
using CallCenter.Core.Routing;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Desk.Voice;

/// <summary>The agent passes the caller on (a queue, an outside number) or accepts a callback, which places a call.</summary>
public sealed class DeskTransferTests
{
    private const string OutsideNumber = "+8613900139000";

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ConnectCallbackOffer_PlacesCallToPatientFromHotlineAndConnectsAgent(string engine)
    {
        await using var hub = await VoiceHub.StartAsync(engine);
        var phone = await hub.CallerInQueueAsync();
        await phone.HangUpAsync();
        await phone.WaitForStatusAsync("completed");
        var agent = await hub.BusyAgentAsync();
        var offer = await hub.AcceptedOfferAsync(phone, agent.Id, WorkKind.Callback);

        var result = await hub.ControlAsync(c => c.ConnectAsync(offer));

        Assert.True(result.Ok, result.Reason);
        var callback = await Polling.UntilAsync(() => ReadCallAsync(hub, result.CreatedId!), c => c.Lines("connected").Any(), "the callback connected");
        Assert.Equal((phone.Number, SimulatedPhone.Hotline, "outbound-api"), (callback.To, callback.From, callback.Direction));
        Assert.Equal(agent.UserName, callback.Lines("dial").Single().Text);
        Assert.Single(callback.Lines("whisper"));
        var connected = Assert.Single(await Polling.UntilAsync(() => Task.FromResult(hub.Notifier.Connected(agent.Id)), c => c.Count > 0, "CallConnected"));
        Assert.Equal((result.CreatedId, offer.Id), (connected.CallSid, connected.OfferId));

        Assert.True((await hub.ControlAsync(c => c.HangUpAsync(offer))).Ok);
        await Polling.UntilAsync(() => ReadCallAsync(hub, result.CreatedId!), c => c.Lines("status-callback").Any(l => l.Text == "completed"), "the callback over");
        Assert.Equal("agent-hung-up", Assert.Single(hub.Notifier.Ended(agent.Id)).Reason);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TransferToNumber_DialsItAndReleasesAgentOnce(string engine)
    {
        await using var hub = await VoiceHub.StartAsync(engine);
        var (phone, agentId, offer) = await ConnectedAsync(hub);

        Assert.True((await hub.ControlAsync(c => c.TransferToNumberAsync(offer, OutsideNumber))).Ok);

        var call = await phone.WaitForAsync(c => c.Lines("dial").Count() == 2, "the outside number dialled");
        var dial = call.Lines("dial").Last();
        Assert.Equal((OutsideNumber, "Number"), (dial.Text, dial.Details!["noun"]));
        Assert.Contains(call.Said, l => l.Text == "正在为您转接，请稍候。");
        var ended = Assert.Single(hub.Notifier.Ended(agentId));
        Assert.Equal("transferred", ended.Reason);
        Assert.Equal(AgentState.WrapUp, await hub.AgentStateAsync(agentId));

        // The outside party talks for the simulator's far-end time, then the caller hears goodbye.
        var over = await Polling.UntilAsync(
            async () =>
            {
                var now = await phone.ReadAsync();
                if (now.Lines("connected").Count() == 2 && now.Lines("dial-result").Count() < 2)
                {
                    hub.Time.Advance(TimeSpan.FromSeconds(30));
                }

                return now;
            },
            c => c.Lines("status-callback").Any(l => l.Text == "completed"),
            "the transferred call over");
        Assert.Equal("感谢您的来电，再见。", over.Said[^1].Text);
        Assert.Single(hub.Notifier.Ended(agentId));
        Assert.DoesNotContain(over.Transcript, l => l.Kind == "error");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TransferToQueue_CallerWaitsInTheQueueWithHoldMusic(string engine)
    {
        await using var hub = await VoiceHub.StartAsync(engine);
        var (phone, agentId, offer) = await ConnectedAsync(hub);

        Assert.True((await hub.ControlAsync(c => c.TransferToQueueAsync(offer, "complaints"))).Ok);

        var call = await phone.WaitForAsync(c => c.Said.Any(l => l.Text == "您的来电正在排队，请稍候。"), "the hold music of the new queue");
        Assert.Equal("complaints", call.Lines("enqueue").Last().Text);
        Assert.Equal([(phone.CallSid, "complaints")], hub.Routing.Requeued);
        Assert.Equal("transferred", Assert.Single(hub.Notifier.Ended(agentId)).Reason);
        Assert.Equal("in-progress", call.Status);
    }

    [Fact]
    public async Task TransferToNumber_NotANumber_RefusedNamingTheTarget()
    {
        await using var hub = await VoiceHub.StartAsync(TestEngines.Sqlite);
        var (_, agentId, offer) = await ConnectedAsync(hub);

        var result = await hub.ControlAsync(c => c.TransferToNumberAsync(offer, "not a number"));

        Assert.Equal((false, "invalid", "target"), (result.Ok, result.Error, result.Field));
        Assert.Empty(hub.Notifier.Ended(agentId));
    }

    private static async Task<(SimulatedPhone Phone, Guid AgentId, Offer Offer)> ConnectedAsync(VoiceHub hub)
    {
        var phone = await hub.CallerInQueueAsync();
        var agent = await hub.BusyAgentAsync();
        var offer = await hub.AcceptedOfferAsync(phone, agent.Id);
        Assert.True((await hub.ControlAsync(c => c.ConnectAsync(offer))).Ok);
        await Polling.UntilAsync(() => Task.FromResult(hub.Notifier.Connected(agent.Id)), c => c.Count == 1, "CallConnected");
        return (phone, agent.Id, offer);
    }

    private static async Task<PlacedCall> ReadCallAsync(VoiceHub hub, string callSid) =>
        (await hub.Carrier.GetFromJsonAsync<PlacedCall>($"/simulator/calls/{callSid}"))!;

    private sealed record PlacedCall(string CallSid, string From, string To, string Direction, string Status, IReadOnlyList<PhoneLine> Transcript)
    {
        public IEnumerable<PhoneLine> Lines(string kind) => Transcript.Where(l => l.Kind == kind);

        public override string ToString() => $"{CallSid} {Status}\n" + string.Join('\n', Transcript.Select(l => $"  {l.Kind}: {l.Text}"));
    }
}
