using Carrier.Simulator.Calls;
using Carrier.Simulator.Tests.Infrastructure;

namespace Carrier.Simulator.Tests.Calls;

public sealed class GatherTests : IDisposable
{
    private const string Menu = """
        <Response>
          <Gather numDigits="1" action="/twilio/voice/menu" timeout="5"><Say>Press 1 for appointments</Say></Gather>
          <Say>We did not get your choice</Say>
        </Response>
        """;

    private readonly SimulatorHarness _sim = new();

    public GatherTests()
    {
        _sim.Hub.Respond("/twilio/voice/menu", "<Response><Say>Appointments</Say></Response>");
    }

    public void Dispose() => _sim.Dispose();

    [Fact]
    public async Task Gather_WithDigits_PostsThemToTheAction()
    {
        var call = _sim.Call(Menu);
        _sim.Runner.Send(call.Sid, new CallerEvent(CallerEventKind.Digits, "1"));
        await call.EndedAsync();

        var action = Assert.Single(_sim.Hub.To("/twilio/voice/menu"));
        Assert.True(action.SignatureValid);
        Assert.Equal("https://hub.test/twilio/voice/menu", action.Url);
        Assert.Equal("1", action.Form["Digits"]);
        Assert.Equal(call.Sid, action.Form["CallSid"]);
        // The prompt may be cut short (barge-in) since the digit can arrive before it plays.
        Assert.Equal("Appointments", call.Lines("say").Last().Text);
    }

    [Fact]
    public async Task Gather_WithFinishOnKey_PostsTheDigitsBeforeIt()
    {
        var call = _sim.Call("""<Response><Gather action="/twilio/voice/menu"><Say>Your date of birth, then hash</Say></Gather></Response>""");
        _sim.Runner.Send(call.Sid, new CallerEvent(CallerEventKind.Digits, "19800101#"));
        await call.EndedAsync();

        var action = Assert.Single(_sim.Hub.To("/twilio/voice/menu"));
        Assert.Equal("19800101", action.Form["Digits"]);
        Assert.Equal("#", action.Form["FinishedOnKey"]);
    }

    [Fact]
    public async Task Gather_WithoutAction_PostsToTheCurrentDocument()
    {
        var answered = 0;
        _sim.Hub.Respond("/twilio/voice", r => r.Form["Digits"] is null && Interlocked.Increment(ref answered) == 1
            ? "<Response><Gather numDigits=\"2\"/></Response>"
            : "<Response><Hangup/></Response>");
        var call = _sim.Runner.PlaceInbound(SimulatorHarness.Patient, SimulatorHarness.HubNumber);
        _sim.Runner.Send(call.Sid, new CallerEvent(CallerEventKind.Digits, "42"));
        await call.EndedAsync();

        var requests = _sim.Hub.To("/twilio/voice");
        Assert.Equal(2, requests.Count);
        Assert.Equal("42", requests[1].Form["Digits"]);
    }

    [Fact]
    public async Task Gather_WhenTheCallerSaysNothing_ContinuesAfterTheTimeout()
    {
        var call = _sim.Call(Menu);
        await call.WaitingAsync();
        _sim.Time.Advance(TimeSpan.FromSeconds(5));
        await call.EndedAsync();

        Assert.Empty(_sim.Hub.To("/twilio/voice/menu"));
        Assert.Single(call.Lines("gather-timeout"));
        Assert.Equal("We did not get your choice", call.Lines("say").Last().Text);
    }

    [Fact]
    public async Task Gather_WithActionOnEmptyResult_PostsEmptyDigitsAfterTheTimeout()
    {
        var call = _sim.Call("""<Response><Gather action="/twilio/voice/menu" actionOnEmptyResult="true" timeout="3"/></Response>""");
        await call.WaitingAsync();
        _sim.Time.Advance(TimeSpan.FromSeconds(3));
        await call.EndedAsync();

        var action = Assert.Single(_sim.Hub.To("/twilio/voice/menu"));
        Assert.Equal(string.Empty, action.Form["Digits"]);
    }

    [Fact]
    public async Task Gather_WithSpeech_PostsSpeechResultAndConfidence()
    {
        var call = _sim.Call("""<Response><Gather input="speech dtmf" language="cmn-Hans-CN" action="/twilio/voice/menu"><Say>请说出您的需求</Say></Gather></Response>""");
        _sim.Runner.Send(call.Sid, new CallerEvent(CallerEventKind.Speech, "预约挂号"));
        await call.EndedAsync();

        var action = Assert.Single(_sim.Hub.To("/twilio/voice/menu"));
        Assert.Equal("预约挂号", action.Form["SpeechResult"]);
        Assert.Equal("0.9", action.Form["Confidence"]);
        Assert.True(action.SignatureValid);
    }

    [Fact]
    public async Task Record_UntilFinishKey_PostsThePlaceholderRecording()
    {
        var call = _sim.Call("""<Response><Record action="/twilio/voice/menu" maxLength="60"/></Response>""");
        await call.WaitingAsync();
        _sim.Runner.Send(call.Sid, new CallerEvent(CallerEventKind.Speech, "please call me back"));
        _sim.Time.Advance(TimeSpan.FromSeconds(4));
        _sim.Runner.Send(call.Sid, new CallerEvent(CallerEventKind.Digits, "#"));
        await call.EndedAsync();

        var action = Assert.Single(_sim.Hub.To("/twilio/voice/menu"));
        Assert.StartsWith("https://hub.test/simulator/2010-04-01/Accounts/" + SimulatorHarness.AccountSid + "/Recordings/RE", action.Form["RecordingUrl"], StringComparison.Ordinal);
        Assert.Equal("4", action.Form["RecordingDuration"]);
        Assert.Equal("#", action.Form["Digits"]);
        Assert.Equal("please call me back", Assert.Single(call.Lines("recorded")).Text);
    }
}
