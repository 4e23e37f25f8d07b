using System.Net.Http.Json;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Agents;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;

namespace CallCenter.Api.Tests.Desk.Voice;

/// <summary>
/// A caller of the shipped hotline, waiting in the general queue, is connected to the agent who accepted the offer
/// (the simulator's agent leg), held, resumed and hung up, over real HTTP through the carrier simulator.
/// </summary>
public sealed class DeskCallControlTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Connect_AcceptedOffer_BridgesCallerToAgentClientAndWhisperNotifiesConnected(string engine)
    {
        await using var hub = await VoiceHub.StartAsync(engine);
        var phone = await hub.CallerInQueueAsync();
        var agent = await hub.BusyAgentAsync();
        var offer = await hub.AcceptedOfferAsync(phone, agent.Id);

        var result = await hub.ControlAsync(c => c.ConnectAsync(offer));

        Assert.True(result.Ok, result.Reason);
        var call = await phone.WaitForAsync(c => c.Lines("connected").Any(), "the caller connected to the agent");
        var dial = Assert.Single(call.Lines("dial"));
        Assert.Equal((agent.UserName, "Client"), (dial.Text, dial.Details!["noun"]));
        Assert.Equal("Call from the general queue. The caller speaks Mandarin.", Assert.Single(call.Lines("whisper")).Text);
        var connected = Assert.Single(await Polling.UntilAsync(() => Task.FromResult(hub.Notifier.Connected(agent.Id)), c => c.Count > 0, "CallConnected"));
        Assert.Equal((phone.CallSid, offer.Id, "general", false), (connected.CallSid, connected.OfferId, connected.Queue, connected.OnHold));
        Assert.DoesNotContain(call.Transcript, l => l.Kind == "error");
        Assert.Empty(hub.Notifier.Ended(agent.Id));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task HoldResumeHangUp_DialEndedRepeated_CallerHearsHoldAndCallEndsOnce(string engine)
    {
        await using var hub = await VoiceHub.StartAsync(engine);
        var phone = await hub.CallerInQueueAsync();
        var agent = await hub.BusyAgentAsync();
        var offer = await hub.AcceptedOfferAsync(phone, agent.Id);
        Assert.True((await hub.ControlAsync(c => c.ConnectAsync(offer))).Ok);
        await Polling.UntilAsync(() => Task.FromResult(hub.Notifier.Connected(agent.Id)), c => c.Count == 1, "first CallConnected");

        Assert.True((await hub.ControlAsync(c => c.HoldAsync(offer))).Ok);
        var held = await phone.WaitForAsync(c => c.Said.Any(l => l.Text == "请稍候，工作人员马上回来。"), "the hold message");
        Assert.Equal("zh-CN", held.Said.Last(l => l.Text == "请稍候，工作人员马上回来。").Language);
        Assert.Equal("redirect", held.Lines("dial-result").Single().Details!["interrupted"]);

        Assert.True((await hub.ControlAsync(c => c.ResumeAsync(offer))).Ok);
        await phone.WaitForAsync(c => c.Lines("connected").Count() == 2, "connected again");
        await Polling.UntilAsync(() => Task.FromResult(hub.Notifier.Connected(agent.Id)), c => c.Count == 2, "second CallConnected");

        // A late repeat of the first Dial's action (before the hold) must not end the Dial of the resumed call.
        var firstDialEnded = (await phone.ReadAsync()).Lines("request").First(l => l.Text.Contains("/dial-ended", StringComparison.Ordinal)).Details!["url"];
        Assert.Contains("leg=1", firstDialEnded, StringComparison.Ordinal);
        await hub.RepostAsync(firstDialEnded, DialEndedForm(hub, phone.CallSid, "completed"));
        Assert.Empty(hub.Notifier.Ended(agent.Id));

        Assert.True((await hub.ControlAsync(c => c.HangUpAsync(offer))).Ok);
        var over = await phone.WaitForAsync(c => c.Status == "completed" && c.Lines("status-callback").Any(l => l.Text == "completed"), "the call over and reported");
        var dialEnded = over.Lines("request").Last(l => l.Text.Contains("/dial-ended", StringComparison.Ordinal)).Details!["url"];
        var answer = await hub.RepostAsync(dialEnded, DialEndedForm(hub, phone.CallSid, "completed"));

        Assert.Contains("<Hangup", answer, StringComparison.Ordinal);
        var ended = Assert.Single(hub.Notifier.Ended(agent.Id));
        Assert.Equal((phone.CallSid, "agent-hung-up"), (ended.CallSid, ended.Reason));
        Assert.NotNull(ended.WrapUpUntil);
        Assert.Equal(AgentState.WrapUp, await hub.AgentStateAsync(agent.Id));
        Assert.DoesNotContain(over.Transcript, l => l.Kind == "error");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CallerHangsUp_WhileWithAgent_AgentCallEndsOnceAsCallerHungUp(string engine)
    {
        await using var hub = await VoiceHub.StartAsync(engine);
        var phone = await hub.CallerInQueueAsync();
        var agent = await hub.BusyAgentAsync();
        var offer = await hub.AcceptedOfferAsync(phone, agent.Id);
        Assert.True((await hub.ControlAsync(c => c.ConnectAsync(offer))).Ok);
        await Polling.UntilAsync(() => Task.FromResult(hub.Notifier.Connected(agent.Id)), c => c.Count == 1, "CallConnected");
        hub.Time.Advance(TimeSpan.FromSeconds(42));

        await phone.HangUpAsync();
        await phone.WaitForAsync(c => c.Lines("status-callback").Any(l => l.Text == "completed"), "the final status reported");

        var ended = Assert.Single(hub.Notifier.Ended(agent.Id));
        Assert.Equal(("caller-hung-up", 42), (ended.Reason, ended.TalkSeconds));
        Assert.Equal(AgentState.WrapUp, await hub.AgentStateAsync(agent.Id));
        Assert.Contains(phone.CallSid, hub.Routing.WithdrawnCalls);
        Assert.True(hub.Signal.Wakes > 0);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Connect_AgentPhoneDoesNotAnswer_CallerBackInQueueAndAgentReleased(string engine)
    {
        await using var hub = await VoiceHub.StartAsync(engine);
        var phone = await hub.CallerInQueueAsync();
        var agent = await hub.BusyAgentAsync();
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await hub.Carrier.PutAsJsonAsync(
            "/simulator/far-ends/" + Uri.EscapeDataString("client:" + agent.UserName), new { answer = "no-answer" })).StatusCode);
        var offer = await hub.AcceptedOfferAsync(phone, agent.Id);

        Assert.True((await hub.ControlAsync(c => c.ConnectAsync(offer))).Ok);
        var call = await Polling.UntilAsync(
            async () =>
            {
                var now = await phone.ReadAsync();
                if (now.Lines("dial").Any() && !now.Lines("dial-result").Any())
                {
                    hub.Time.Advance(TimeSpan.FromSeconds(20));
                }

                return now;
            },
            c => c.Lines("enqueue").Count() == 2,
            "the caller back in line");

        Assert.Equal("no-answer", call.Lines("dial-result").Single().Text);
        Assert.Contains(call.Said, l => l.Text == "抱歉，工作人员暂时无法接听。您的排队位置已保留，请稍候。");
        Assert.Equal("general", call.Lines("enqueue").Last().Text);
        Assert.Equal([(phone.CallSid, "general")], hub.Routing.Requeued);
        Assert.Equal("failed", Assert.Single(hub.Notifier.Ended(agent.Id)).Reason);
        Assert.Empty(hub.Notifier.Connected(agent.Id));
        Assert.Equal(AgentState.WrapUp, await hub.AgentStateAsync(agent.Id));
        Assert.Equal("in-progress", call.Status);
    }

    internal static IReadOnlyList<KeyValuePair<string, string>> DialEndedForm(VoiceHub hub, string callSid, string dialStatus) =>
    [
        new("CallSid", callSid),
        new("AccountSid", hub.Services.GetRequiredService<IOptions<TwilioOptions>>().Value.AccountSid),
        new("CallStatus", "in-progress"),
        new("DialCallStatus", dialStatus),
        new("DialCallSid", "CA" + Guid.NewGuid().ToString("N")),
        new("DialCallDuration", "5"),
    ];
}
