using AgentDesk.Contracts;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Queues;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Wallboard;

/// <summary>
/// The queue event log as real calls write it, nothing replaced: callers dial the shipped hotline through the carrier
/// simulator, agents' desks take the offers over WebSockets, and the simulator connects and hangs up the calls.
/// </summary>
public sealed class QueueEventEndToEndTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CallRingsOutThenIsAnswered_CallerHangsUp_LogsEachStepOnce(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine);
        var data = await HotlineData.SignInAsync(hub.Factory);
        await using var first = await hub.ConnectAgentAsync();
        await using var second = await hub.ConnectAgentAsync();
        await first.AvailableAsync();
        await second.AvailableAsync();
        using var carrier = hub.CreateHttpClient();

        var phone = await KnownCallerAsync(data, carrier);
        await phone.PressAsync("0");  // main menu: an agent
        var (missing, answering) = await FirstToRingAsync(first, second, phone.CallSid);
        var missed = missing.Offers.Single(o => o.CallSid == phone.CallSid);
        hub.Factory.Time.Advance(missed.ExpiresAt - hub.Factory.Time.GetUtcNow());
        await AdvanceUntilAsync(hub, () => answering.Offers.Any(o => o.CallSid == phone.CallSid), "the offer at the next agent");
        var offer = answering.Offers.Single(o => o.CallSid == phone.CallSid);
        hub.Factory.Time.Advance(TimeSpan.FromSeconds(2));

        var accepted = await answering.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId);
        Assert.True(accepted.Ok, accepted.Reason);
        await phone.WaitForAsync(c => c.Lines("connected").Any(), "the caller connected to the agent");
        await Polling.UntilAsync(() => Task.FromResult(answering.Connected.Any(c => c.CallSid == phone.CallSid)), c => c, "CallConnected at the desk");
        hub.Factory.Time.Advance(TimeSpan.FromSeconds(30));
        await phone.HangUpAsync();
        await phone.WaitForStatusAsync("completed");

        var events = await Polling.UntilAsync(
            () => QueueEventRows.ForCallAsync(hub.Factory.Services, phone.CallSid), e => e.Any(x => x.Kind == "completed"), "the completed event");
        Assert.Equal(["entered", "offered", "ring-no-answer", "offered", "connected", "completed"], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal("general", e.QueueName));
        Assert.Equal(
            [null, missing.User.Id, missing.User.Id, answering.User.Id, answering.User.Id, answering.User.Id],
            events.Select(e => e.AgentId));
        var entry = (await hub.Factory.Services.GetRequiredService<IQueueRepository>().FindByCallSidAsync(phone.CallSid))!;
        var connected = events[4];
        Assert.Equal((long)(entry.AnsweredAt!.Value - entry.QueueJoinedAt!.Value).TotalMilliseconds, connected.WaitMs);
        Assert.True(connected.WaitMs >= (long)(missed.ExpiresAt - missed.OfferedAt).TotalMilliseconds);
        var completed = events[5];
        Assert.Equal("caller", completed.Detail);
        Assert.True(completed.TalkMs >= 30_000, $"talk {completed.TalkMs} ms");
        Assert.Equal(entry.Id, completed.QueueEntryId);

        // Every later status webhook of the call (repeats included) found nothing left to change: still one of each.
        Assert.Equal(events.Count, (await QueueEventRows.ForCallAsync(hub.Factory.Services, phone.CallSid)).Count);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CallerHangsUpWhileWaiting_LogsAbandonedWithPositionAndWait(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine);
        var data = await HotlineData.SignInAsync(hub.Factory);
        using var carrier = hub.CreateHttpClient();
        var ahead = await KnownCallerAsync(data, carrier);
        await ahead.PressAsync("0");
        await HoldingAsync(ahead);
        hub.Factory.Time.Advance(TimeSpan.FromSeconds(5));
        var phone = await KnownCallerAsync(data, carrier);
        await phone.PressAsync("0");
        await HoldingAsync(phone);
        hub.Factory.Time.Advance(TimeSpan.FromSeconds(20));

        await phone.HangUpAsync();
        await phone.WaitForStatusAsync("completed");

        var events = await Polling.UntilAsync(
            () => QueueEventRows.ForCallAsync(hub.Factory.Services, phone.CallSid), e => e.Any(x => x.Kind == "abandoned"), "the abandoned event");
        Assert.Equal(["entered", "abandoned"], events.Select(e => e.Kind));
        var entry = (await hub.Factory.Services.GetRequiredService<IQueueRepository>().FindByCallSidAsync(phone.CallSid))!;
        var abandoned = events[1];
        Assert.Equal((2L, "general", QueueStatuses.Left), (abandoned.Position, abandoned.QueueName, entry.Status));
        Assert.Equal((long)(entry.EndedAt!.Value - entry.QueueJoinedAt!.Value).TotalMilliseconds, abandoned.WaitMs);
        Assert.True(abandoned.WaitMs >= 20_000, $"wait {abandoned.WaitMs} ms");
        await ahead.HangUpAsync();
    }

    // A known patient's call goes straight to the main menu in their language (0: an agent, in the general queue).
    private static async Task<SimulatedPhone> KnownCallerAsync(HotlineData data, HttpClient carrier)
    {
        var number = UniqueData.ChinaMobile();
        await data.AddPatientAsync("王芳", number, "zh-CN");
        return await SimulatedPhone.CallAsync(carrier, number);
    }

    private static Task<PhoneCall> HoldingAsync(SimulatedPhone phone) =>
        phone.WaitForAsync(c => c.Lines("enqueue").Any(), "the caller holding in the queue");

    private static async Task<(DeskClient Ringing, DeskClient Other)> FirstToRingAsync(DeskClient a, DeskClient b, string callSid)
    {
        var ringing = await Polling.UntilAsync(
            () => Task.FromResult(a.Offers.Any(o => o.CallSid == callSid) ? a : b.Offers.Any(o => o.CallSid == callSid) ? b : null),
            d => d is not null,
            "an offer at either agent");
        return ringing == a ? (a, b) : (b, a);
    }

    /// <summary>Moves the clock a little at a time until the router's next pass has done it (the pass runs on its own thread).</summary>
    private static Task<bool> AdvanceUntilAsync(LiveHub hub, Func<bool> done, string what) =>
        Polling.UntilAsync(
            () =>
            {
                var reached = done();
                if (!reached)
                {
                    hub.Factory.Time.Advance(TimeSpan.FromMilliseconds(200));
                }

                return Task.FromResult(reached);
            },
            reached => reached,
            what);
}
