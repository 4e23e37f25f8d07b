using Carrier.Simulator.Calls;
using Carrier.Simulator.Tests.Infrastructure;

namespace Carrier.Simulator.Tests.Calls;

public sealed class QueueAndDialTests : IDisposable
{
    private readonly SimulatorHarness _sim = new();

    public QueueAndDialTests()
    {
        _sim.Hub.Respond("/twilio/voice/wait", "<Response><Say>Please hold</Say></Response>");
        _sim.Hub.Respond("/twilio/voice/after", "<Response><Hangup/></Response>");
    }

    public void Dispose() => _sim.Dispose();

    [Fact]
    public async Task Enqueue_UntilAnAgentDialsTheQueue_PollsWaitUrlThenPostsBridged()
    {
        var secondPoll = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var polls = 0;
        _sim.Hub.Respond("/twilio/voice/wait", _ =>
        {
            if (Interlocked.Increment(ref polls) == 2)
            {
                secondPoll.TrySetResult();
            }

            return "<Response><Say>Please hold</Say></Response>";
        });
        var caller = _sim.Call("""<Response><Enqueue waitUrl="/twilio/voice/wait" action="/twilio/voice/after">triage</Enqueue></Response>""");
        await caller.WaitingAsync();
        _sim.Time.Advance(TimeSpan.FromSeconds(10));
        await secondPoll.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var agent = _sim.Runner.PlaceOutbound(new OutboundCallRequest(
            SimulatorHarness.HubNumber, "client:agent-1", null, "POST", "<Response><Dial><Queue>triage</Queue></Dial></Response>", null, "POST", [], 60));
        await agent.WaitingAsync();
        _sim.Runner.Send(agent.Sid, new CallerEvent(CallerEventKind.Hangup));
        await agent.EndedAsync();
        await caller.EndedAsync();

        var waits = _sim.Hub.To("/twilio/voice/wait");
        Assert.Equal(2, waits.Count);
        Assert.All(waits, w => Assert.Equal("1", w.Form["QueuePosition"]));
        Assert.All(waits, w => Assert.Equal("1", w.Form["CurrentQueueSize"]));
        Assert.Equal("10", waits[1].Form["QueueTime"]);
        var action = Assert.Single(_sim.Hub.To("/twilio/voice/after"));
        Assert.Equal("bridged", action.Form["QueueResult"]);
        Assert.True(action.SignatureValid);
    }

    [Fact]
    public async Task Enqueue_WhenTheCallerHangsUp_PostsHangup()
    {
        var caller = _sim.Call("""<Response><Enqueue waitUrl="/twilio/voice/wait" action="/twilio/voice/after">triage</Enqueue></Response>""");
        await caller.WaitingAsync();
        _sim.Runner.Send(caller.Sid, new CallerEvent(CallerEventKind.Hangup));
        await caller.EndedAsync();

        Assert.Equal("hangup", Assert.Single(_sim.Hub.To("/twilio/voice/after")).Form["QueueResult"]);
        Assert.Equal("completed", _sim.Hub.To("/twilio/voice/status")[^1].Form["CallStatus"]);
    }

    [Fact]
    public async Task Enqueue_KeyPressedInWaitUrlGather_PostsItsActionAndRunsTheAnswerInLine()
    {
        _sim.Hub.Respond("/twilio/voice/wait", """<Response><Say>Please hold</Say><Gather numDigits="1" timeout="30" action="/twilio/voice/key"><Say>Press 1 for a call back</Say></Gather></Response>""");
        _sim.Hub.Respond("/twilio/voice/key", "<Response><Say>We will call you back</Say><Leave/></Response>");
        var caller = _sim.Call("""<Response><Enqueue waitUrl="/twilio/voice/wait" action="/twilio/voice/after">triage</Enqueue></Response>""");
        await caller.WaitingAsync();
        _sim.Runner.Send(caller.Sid, new CallerEvent(CallerEventKind.Digits, "1"));
        await caller.EndedAsync();

        var key = Assert.Single(_sim.Hub.To("/twilio/voice/key"));
        Assert.Equal("1", key.Form["Digits"]);
        Assert.Equal("1", key.Form["QueuePosition"]);
        Assert.True(key.SignatureValid);
        Assert.Equal("leave", Assert.Single(_sim.Hub.To("/twilio/voice/after")).Form["QueueResult"]);
    }

    [Theory]
    [InlineData("Busy", "busy", 0)]
    [InlineData("Failed", "failed", 0)]
    [InlineData("NoAnswer", "no-answer", 20)]
    [InlineData("Answer", "completed", 30)]
    public async Task Dial_ToAFarEnd_PostsItsDialCallStatus(string farEnd, string status, int seconds)
    {
        var answer = Enum.Parse<FarEndAnswer>(farEnd);
        _sim.Registry.SetFarEnd("+8613900139000", answer);
        var call = _sim.Call("""<Response><Dial action="/twilio/voice/after" timeout="20"><Number>+8613900139000</Number></Dial></Response>""");
        if (seconds > 0)
        {
            await call.WaitingAsync();
            _sim.Time.Advance(TimeSpan.FromSeconds(seconds));
        }

        await call.EndedAsync();

        var action = Assert.Single(_sim.Hub.To("/twilio/voice/after"));
        Assert.Equal(status, action.Form["DialCallStatus"]);
        Assert.StartsWith("CA", action.Form["DialCallSid"], StringComparison.Ordinal);
        Assert.Equal(answer == FarEndAnswer.Answer ? "30" : "0", action.Form["DialCallDuration"]);
    }
}
