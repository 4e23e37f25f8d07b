using Carrier.Simulator.Tests.Infrastructure;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Tests.Calls;

public sealed class InboundCallTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public void Dispose() => _sim.Dispose();

    [Fact]
    public async Task Call_WhenHubSays_RequestsTwimlSignedAsTwilio()
    {
        var call = _sim.Call("""<Response><Say language="zh-CN" voice="Polly.Zhiyu">您好，欢迎致电</Say></Response>""");
        await call.EndedAsync();

        var voice = Assert.Single(_sim.Hub.To("/twilio/voice"));
        Assert.True(voice.SignatureValid);
        Assert.Equal("https://hub.test/twilio/voice", voice.Url);
        Assert.Equal(call.Sid, voice.Form["CallSid"]);
        Assert.Equal(SimulatorHarness.AccountSid, voice.Form["AccountSid"]);
        Assert.Equal(SimulatorHarness.Patient, voice.Form["From"]);
        Assert.Equal(SimulatorHarness.HubNumber, voice.Form["To"]);
        Assert.Equal("ringing", voice.Form["CallStatus"]);
        Assert.Equal("inbound", voice.Form["Direction"]);
        Assert.Equal("2010-04-01", voice.Form["ApiVersion"]);
        var say = Assert.Single(call.Lines("say"));
        Assert.Equal("您好，欢迎致电", say.Text);
        Assert.Equal("zh-CN", say.Details!["language"]);
        Assert.Equal("Polly.Zhiyu", say.Details["voice"]);
    }

    [Fact]
    public async Task Call_ToTheEnd_SendsStatusCallbacksWithIncreasingSequenceNumbers()
    {
        var call = _sim.Call("<Response><Pause length=\"7\"/></Response>");
        await call.WaitingAsync();
        _sim.Time.Advance(TimeSpan.FromSeconds(7));
        await call.EndedAsync();

        var callbacks = _sim.Hub.To("/twilio/voice/status");
        Assert.Equal(["ringing", "in-progress", "completed"], callbacks.Select(c => c.Form["CallStatus"]));
        Assert.Equal(["0", "1", "2"], callbacks.Select(c => c.Form["SequenceNumber"]));
        Assert.All(callbacks, c => Assert.True(c.SignatureValid));
        Assert.All(callbacks, c => Assert.Equal("call-progress-events", c.Form["CallbackSource"]));
        Assert.All(callbacks, c => Assert.False(string.IsNullOrEmpty(c.Form["Timestamp"])));
        Assert.Equal("7", callbacks[^1].Form["CallDuration"]);
        Assert.Equal(CallStatus.Completed, call.Status);
        var tokens = _sim.Hub.Requests.Select(r => r.IdempotencyToken).ToList();
        Assert.All(tokens, t => Assert.False(string.IsNullOrEmpty(t)));
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Fact]
    public async Task Hangup_InTheMiddle_SkipsTheRestOfTheDocument()
    {
        var call = _sim.Call("<Response><Say>bye</Say><Hangup/><Say>never heard</Say></Response>");
        await call.EndedAsync();

        Assert.Equal(["bye"], call.Lines("say").Select(s => s.Text));
        Assert.Equal(CallStatus.Completed, call.Status);
    }

    [Theory]
    [InlineData("<Reject reason=\"busy\"/>", "busy")]
    [InlineData("<Reject/>", "no-answer")]
    public async Task Reject_AsFirstVerb_EndsUnansweredWithTwiliosStatus(string reject, string status)
    {
        var call = _sim.Call("<Response>" + reject + "</Response>");
        await call.EndedAsync();

        var callbacks = _sim.Hub.To("/twilio/voice/status");
        Assert.Equal(["ringing", status], callbacks.Select(c => c.Form["CallStatus"]));
        Assert.Equal("0", callbacks[^1].Form["CallDuration"]);
        Assert.Null(call.AnsweredAt);
    }

    [Fact]
    public async Task Redirect_FetchesTheNewUrlAndRunsIt()
    {
        _sim.Hub.Respond("/twilio/voice/next", "<Response><Say>redirected</Say></Response>");
        var call = _sim.Call("<Response><Redirect>/twilio/voice/next</Redirect><Say>skipped</Say></Response>");
        await call.EndedAsync();

        var next = Assert.Single(_sim.Hub.To("/twilio/voice/next"));
        Assert.Equal("POST", next.Method);
        Assert.True(next.SignatureValid);
        Assert.Equal("in-progress", next.Form["CallStatus"]);
        Assert.Equal(["redirected"], call.Lines("say").Select(s => s.Text));
    }

    [Fact]
    public async Task UnknownVerb_EndsTheCallWithADocumentParseError()
    {
        var call = _sim.Call("<Response><Say>not reached</Say><Dance/></Response>");
        await call.EndedAsync();

        Assert.Contains(call.Lines("error"), e => e.Text.StartsWith("12100", StringComparison.Ordinal) && e.Text.Contains("Dance", StringComparison.Ordinal));
        Assert.Empty(call.Lines("say"));
    }

    [Fact]
    public async Task CallerHangsUp_DuringPause_CompletesTheCall()
    {
        var call = _sim.Call("<Response><Pause length=\"60\"/><Say>too late</Say></Response>");
        await call.WaitingAsync();
        Assert.True(_sim.Runner.Send(call.Sid, new Simulator.Calls.CallerEvent(Simulator.Calls.CallerEventKind.Hangup)));
        await call.EndedAsync();

        Assert.Empty(call.Lines("say"));
        Assert.Equal("completed", _sim.Hub.To("/twilio/voice/status")[^1].Form["CallStatus"]);
    }
}
