using AgentDesk.Contracts;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Agents;
using CallCenter.Core.Queues;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Protocol.Rest;

namespace CallCenter.Api.Tests.Desk;

/// <summary>
/// A carrier that takes the REST request and never answers (a real loopback listener, the hub's real HttpClient with
/// Twilio:RequestTimeout of one second) is a carrier failure like an error answer: the agent is freed, the caller put
/// back in line, and the router (the hub's routing worker) goes on routing. Everything else is real: the hub on a
/// port, the simulator's calls, the router, the desk over WebSockets.
/// </summary>
public sealed class DeskCarrierTimeoutTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Accept_CarrierNeverAnswersTheConnect_AgentFreedCallerBackInLineAndOfferedAgain(string engine)
    {
        await using var carrier = new SilentCarrier();
        await using var hub = await StartAsync(engine, carrier);
        var number = UniqueData.ChinaMobile();
        await (await HotlineData.SignInAsync(hub.Factory)).AddPatientAsync("林晓红", number, "zh-CN");
        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();
        using var http = hub.CreateHttpClient();
        var phone = await SimulatedPhone.CallAsync(http, number);
        await phone.PressAsync("0");
        var offer = await desk.OfferForAsync(phone.CallSid);

        carrier.Stalled = true;
        var accepted = await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId);
        carrier.Stalled = false;

        Assert.Equal(1, carrier.Accepted);
        Assert.False(accepted.Ok);
        Assert.Equal("unavailable", accepted.Error);
        Assert.Equal(AgentState.WrapUp, await StateAsync(hub, desk.User.Id));
        var ended = await Polling.UntilAsync(() => Task.FromResult(desk.Ended.Where(e => e.CallSid == phone.CallSid).ToList()), e => e.Count > 0, "CallEnded at the desk");
        Assert.Equal("failed", Assert.Single(ended).Reason);
        var entry = await hub.Factory.Services.GetRequiredService<IQueueRepository>().FindByCallSidAsync(phone.CallSid);
        Assert.Equal(("waiting", "general"), (entry!.Status, entry.QueueName));
        Assert.Equal("in-progress", (await phone.ReadAsync()).Status);

        // The wrap-up runs out and the router, still running, offers the caller again; this time the carrier answers.
        var again = await AdvanceUntilAsync(hub, () => desk.Offers.FirstOrDefault(o => o.CallSid == phone.CallSid && o.OfferId != offer.OfferId), "the caller offered again");
        var second = await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), again.OfferId);
        Assert.True(second.Ok, second.Reason);
        await phone.WaitForAsync(c => c.Lines("connected").Any(), "the caller connected to the agent");
        Assert.Equal(AgentState.Busy, await StateAsync(hub, desk.User.Id));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Overflow_CarrierNeverAnswersTheRedirect_RoutingWorkerGoesOnAndRoutesTheNextCall(string engine)
    {
        await using var carrier = new SilentCarrier();
        await using var hub = await StartAsync(engine, carrier);
        var queues = hub.Factory.Services.GetRequiredService<IQueueSettingsRepository>();
        var general = (await queues.FindAsync("general"))!;
        Assert.True(await queues.UpdateAsync(general with { MaxWaitSeconds = 60, OverflowKind = QueueOverflowKind.Voicemail }));
        var data = await HotlineData.SignInAsync(hub.Factory);
        var (first, next) = (UniqueData.ChinaMobile(), UniqueData.ChinaMobile());
        await data.AddPatientAsync("林晓红", first, "zh-CN");
        await data.AddPatientAsync("陈静", next, "zh-CN");
        using var http = hub.CreateHttpClient();
        var waiting = await SimulatedPhone.CallAsync(http, first);
        await waiting.PressAsync("0");
        await waiting.WaitForAsync(c => c.Lines("enqueue").Any(l => l.Text == "general"), "the first caller in the general queue");

        // The first caller waits past the queue's maximum: the routing worker's overflow redirect meets the silent carrier.
        carrier.Stalled = true;
        await AdvanceUntilAsync(hub, () => carrier.Accepted > 0 ? (object)carrier.Accepted : null, "the overflow redirect sent");
        carrier.Stalled = false;

        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();
        var phone = await SimulatedPhone.CallAsync(http, next);
        await phone.PressAsync("0");
        var offer = await desk.OfferForAsync(phone.CallSid);

        Assert.Equal(1, carrier.Accepted);
        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId)).Ok);
        await phone.WaitForAsync(c => c.Lines("connected").Any(), "the next caller connected to the agent");
    }

    private static Task<LiveHub> StartAsync(string engine, SilentCarrier carrier) => LiveHub.StartAsync(
        engine,
        new Dictionary<string, string?> { ["Twilio:RequestTimeout"] = "00:00:01" },
        services => services.AddHttpClient(nameof(TwilioRestClient)).AddHttpMessageHandler(() => new DivertToSilentCarrier(carrier)));

    private static async Task<AgentState> StateAsync(LiveHub hub, Guid agentId) =>
        (await hub.Factory.Services.GetRequiredService<AgentStateService>().GetAsync(agentId))!.State;

    /// <summary>Moves the clock a few seconds at a time until the router's next pass has done it (the pass runs on its own thread).</summary>
    private static async Task<T> AdvanceUntilAsync<T>(LiveHub hub, Func<T?> read, string what)
        where T : class =>
        (await Polling.UntilAsync(
            () =>
            {
                var value = read();
                if (value is null)
                {
                    hub.Factory.Time.Advance(TimeSpan.FromSeconds(2));
                }

                return Task.FromResult(value);
            },
            value => value is not null,
            what))!;
}
