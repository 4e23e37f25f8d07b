using Carrier.Simulator.Calls;
using Carrier.Simulator.Tests.Infrastructure;

namespace Carrier.Simulator.Tests.Calls;

/// <summary>The dialled party's leg: the whisper on answer, a client that stays until the caller's call moves on.</summary>
public sealed class AgentLegTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public AgentLegTests()
    {
        _sim.Hub.Respond("/twilio/voice/whisper", "<Response><Say>Call from the general queue.</Say></Response>");
        _sim.Hub.Respond("/twilio/voice/after", "<Response><Say>After the dial</Say><Hangup/></Response>");
        _sim.Hub.Respond("/twilio/voice/next", "<Response><Say>Redirected</Say><Hangup/></Response>");
    }

    public void Dispose() => _sim.Dispose();

    [Theory]
    [InlineData("Client", "agent1", "client:agent1")]
    [InlineData("Number", "+8613900139000", "+8613900139000")]
    [InlineData("Sip", "sip:agent1@pbx.test", "sip:agent1@pbx.test")]
    public async Task Dial_NounWithUrl_RequestsWhisperOnTheDialledLegBeforeConnecting(string noun, string target, string address)
    {
        var call = _sim.Call($"""<Response><Dial action="/twilio/voice/after" callerId="{SimulatorHarness.HubNumber}"><{noun} url="/twilio/voice/whisper">{target}</{noun}></Dial></Response>""");
        await call.WaitingAsync();

        var whisper = Assert.Single(_sim.Hub.To("/twilio/voice/whisper"));
        Assert.True(whisper.SignatureValid);
        Assert.Equal(call.Sid, whisper.Form["ParentCallSid"]);
        Assert.NotEqual(call.Sid, whisper.Form["CallSid"]);
        Assert.StartsWith("CA", whisper.Form["CallSid"], StringComparison.Ordinal);
        Assert.Equal(("outbound-dial", "in-progress", address, SimulatorHarness.HubNumber), (whisper.Form["Direction"], whisper.Form["CallStatus"], whisper.Form["To"], whisper.Form["From"]));
        var kinds = call.Transcript().Select(t => t.Kind).ToList();
        Assert.True(kinds.IndexOf("dial") < kinds.IndexOf("whisper") && kinds.IndexOf("whisper") < kinds.IndexOf("connected"), string.Join(",", kinds));
        Assert.Equal("Call from the general queue.", Assert.Single(call.Lines("whisper")).Text);
        Assert.DoesNotContain(call.Lines("say"), l => l.Text.Contains("general", StringComparison.Ordinal));
        Assert.Equal(whisper.Form["CallSid"], Assert.Single(call.Lines("connected")).Details!["callSid"]);
    }

    [Fact]
    public async Task Dial_Client_StaysConnectedForAgentTalkTimeThenCompletes()
    {
        var call = _sim.Call("""<Response><Dial action="/twilio/voice/after"><Client url="/twilio/voice/whisper">agent1</Client></Dial></Response>""");
        await call.WaitingAsync();
        _sim.Time.Advance(TimeSpan.FromSeconds(30));
        await call.WaitingAsync();
        Assert.Empty(_sim.Hub.To("/twilio/voice/after"));

        _sim.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(30));
        await call.EndedAsync();

        var action = Assert.Single(_sim.Hub.To("/twilio/voice/after"));
        Assert.Equal(("completed", "600", "in-progress"), (action.Form["DialCallStatus"], action.Form["DialCallDuration"], action.Form["CallStatus"]));
        Assert.Contains(call.Lines("say"), l => l.Text == "After the dial");
    }

    [Fact]
    public async Task Dial_DialledPartyHangsUp_CallerGoesOnWithTheActionsTwiml()
    {
        _sim.Hub.Respond("/twilio/voice/after", "<Response><Gather numDigits=\"1\" action=\"/twilio/voice/next\"><Say>Rate the call</Say></Gather></Response>");
        var call = _sim.Call("""<Response><Dial action="/twilio/voice/after"><Client url="/twilio/voice/whisper">agent1</Client></Dial></Response>""");
        await call.WaitingAsync();
        _sim.Time.Advance(TimeSpan.FromSeconds(42));
        await call.WaitingAsync();
        _sim.Runner.Send(call.Sid, new CallerEvent(CallerEventKind.DialedPartyHangup, "dialled party hung up"));
        _sim.Runner.Send(call.Sid, new CallerEvent(CallerEventKind.Digits, "4"));
        await call.EndedAsync();

        var action = Assert.Single(_sim.Hub.To("/twilio/voice/after"));
        Assert.Equal(("completed", "42", "in-progress"), (action.Form["DialCallStatus"], action.Form["DialCallDuration"], action.Form["CallStatus"]));
        Assert.Single(call.Lines("dial-hangup"));
        Assert.Single(call.Lines("gather"));
        Assert.Equal("4", Assert.Single(_sim.Hub.To("/twilio/voice/next")).Form["Digits"]);
    }

    [Fact]
    public async Task DialedPartyHangup_WhileNothingIsDialled_IsIgnored()
    {
        _sim.Hub.Respond("/twilio/voice/next", "<Response><Say>Thanks</Say><Hangup/></Response>");
        var call = _sim.Call("""<Response><Gather numDigits="1" timeout="5" action="/twilio/voice/next"><Say>Press a key</Say></Gather></Response>""");
        await call.WaitingAsync();
        _sim.Runner.Send(call.Sid, new CallerEvent(CallerEventKind.DialedPartyHangup, "dialled party hung up"));
        _sim.Runner.Send(call.Sid, new CallerEvent(CallerEventKind.Digits, "7"));
        await call.EndedAsync();

        Assert.Equal("7", Assert.Single(_sim.Hub.To("/twilio/voice/next")).Form["Digits"]);
        Assert.Empty(call.Lines("dial-hangup"));
    }

    [Fact]
    public async Task Dial_CallerRedirectedWhileConnected_RequestsActionIgnoringItsAnswerAndFollowsTheRedirect()
    {
        var call = _sim.Call("""<Response><Dial action="/twilio/voice/after"><Client url="/twilio/voice/whisper">agent1</Client></Dial></Response>""");
        await call.WaitingAsync();
        _sim.Runner.Send(call.Sid, new CallerEvent(CallerEventKind.Redirect, SimulatorHarness.PublicBaseUrl + "/twilio/voice/next", "POST"));
        await call.EndedAsync();

        var action = Assert.Single(_sim.Hub.To("/twilio/voice/after"));
        Assert.Equal(("completed", "in-progress"), (action.Form["DialCallStatus"], action.Form["CallStatus"]));
        Assert.Single(_sim.Hub.To("/twilio/voice/next"));
        Assert.Equal(["Redirected"], call.Lines("say").Select(l => l.Text));
        Assert.Equal("redirect", call.Lines("dial-result").Single().Details!["interrupted"]);
    }

    [Fact]
    public async Task Dial_CallerHangsUpWhileConnected_ActionTellsOfACompletedCall()
    {
        var call = _sim.Call("""<Response><Dial action="/twilio/voice/after"><Client url="/twilio/voice/whisper">agent1</Client></Dial></Response>""");
        await call.WaitingAsync();
        _sim.Runner.Send(call.Sid, new CallerEvent(CallerEventKind.Hangup, "caller hung up"));
        await call.EndedAsync();

        var action = Assert.Single(_sim.Hub.To("/twilio/voice/after"));
        Assert.Equal(("completed", "completed"), (action.Form["DialCallStatus"], action.Form["CallStatus"]));
        Assert.DoesNotContain(call.Lines("say"), l => l.Text == "After the dial");
    }

    [Fact]
    public async Task Dial_WhisperHangsUp_DialEndsNoAnswerWithoutConnecting()
    {
        _sim.Hub.Respond("/twilio/voice/whisper", "<Response><Say>Press nothing</Say><Hangup/></Response>");
        var call = _sim.Call("""<Response><Dial action="/twilio/voice/after"><Client url="/twilio/voice/whisper">agent1</Client></Dial></Response>""");
        await call.EndedAsync();

        Assert.Equal("no-answer", Assert.Single(_sim.Hub.To("/twilio/voice/after")).Form["DialCallStatus"]);
        Assert.Empty(call.Lines("connected"));
    }

    [Fact]
    public async Task Dial_ClientSetNotToAnswer_RingsOutWithoutWhisper()
    {
        _sim.Registry.SetFarEnd("client:agent1", FarEndAnswer.NoAnswer);
        var call = _sim.Call("""<Response><Dial action="/twilio/voice/after" timeout="20"><Client url="/twilio/voice/whisper">agent1</Client></Dial></Response>""");
        await call.WaitingAsync();
        _sim.Time.Advance(TimeSpan.FromSeconds(20));
        await call.EndedAsync();

        Assert.Equal("no-answer", Assert.Single(_sim.Hub.To("/twilio/voice/after")).Form["DialCallStatus"]);
        Assert.Empty(_sim.Hub.To("/twilio/voice/whisper"));
    }
}
