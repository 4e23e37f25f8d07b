using Ivr.Flows.Execution;
using Ivr.Flows.Steps;
using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Steps;

/// <summary>Hold music requests (waitUrl) and the key pressed during the callback offer: they never move the turn.</summary>
public sealed class EnqueueStepHoldTests
{
    [Fact]
    public async Task Hold_ShortWait_AnnouncesPositionAndPauses_WithoutMovingTheTurn()
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow).StartAsync("en-US");
        var turn = run.Session.Turn;
        var remembered = run.Session.LastResponse;

        await run.SendAsync(FlowEvent.Hold, i => i with { QueuePosition = 1, QueueTimeSeconds = 5 });

        Assert.Equal(["Say", "Pause"], run.Verbs);
        Assert.Equal(["You are number 1, about 1 minutes"], run.Spoken);
        Assert.Equal("20", run.Twiml.Root!.Element("Pause")!.Attribute("length")?.Value);
        Assert.Equal(turn, run.Session.Turn);
        Assert.Equal(remembered, run.Session.LastResponse);
        Assert.Equal(1m, run.Variable(EnqueueStep.PositionVariable).AsNumber());
    }

    [Fact]
    public async Task Hold_LongWait_OffersCallbackInGather()
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow, arrange: EnqueueStepTests.TwoAhead).StartAsync("en-US");

        await run.SendAsync(FlowEvent.Hold);

        Assert.Equal(["Say", "Gather"], run.Verbs);
        Assert.Equal(["You are number 3, about 3 minutes", "Press 1 to be called back, keeping your place"], run.Spoken);
        var gather = run.Twiml.Root!.Element("Gather")!;
        Assert.Equal("1", gather.Attribute("numDigits")?.Value);
        Assert.Equal("20", gather.Attribute("timeout")?.Value);
        Assert.Equal($"{FlowRun.VoiceUrl}?event=hold-key&step=queue", gather.Attribute("action")?.Value);
        Assert.Equal(3m, run.Variable(EnqueueStep.WaitMinutesVariable).AsNumber());
    }

    [Fact]
    public async Task Hold_PlacementFails_CallerKeepsWaiting()
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow).StartAsync("en-US");
        run.World.Failure = new InvalidOperationException("database down");

        await run.SendAsync(FlowEvent.Hold);

        Assert.Equal(["Pause"], run.Verbs);
        Assert.Equal("queue", run.Session.CurrentStep);
        Assert.False(run.Session.Ended);
        Assert.Contains(run.Session.Trace, t => t.Event == "hold-error");
    }

    [Fact]
    public async Task Hold_NoLongerInLine_Pauses()
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow).StartAsync("en-US");
        run.World.Left.Add((EnqueueStepTests.CallSid, "elsewhere"));

        await run.SendAsync(FlowEvent.Hold);

        Assert.Equal(["Pause"], run.Verbs);
    }

    [Fact]
    public async Task HoldKey_CallbackKey_RequestsCallbackKeepingPlaceAndLeaves()
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow, arrange: EnqueueStepTests.TwoAhead).StartAsync("en-US");
        await run.SendAsync(FlowEvent.Hold);

        await run.SendAsync(FlowEvent.HoldKey, i => i with { Digits = "1" });

        var callback = Assert.Single(run.World.Callbacks);
        Assert.Equal((EnqueueStepTests.CallSid, "appointments", FlowRun.CallerNumber, "en-US"), (callback.CallSid, callback.Queue, callback.Number, callback.Language));
        Assert.True(run.Variable(FlowVariables.CallbackRequested).AsBoolean());
        Assert.Equal(["Say", "Leave"], run.Verbs);
        Assert.Equal(["We will call you back"], run.Spoken);

        await run.SendAsync(FlowEvent.QueueLeft, i => i with { QueueResult = "leave" });

        Assert.Equal(["Goodbye"], run.Spoken);
        Assert.Equal("bye", run.Session.CurrentStep);
        Assert.Empty(run.World.Left);
    }

    [Theory]
    [InlineData("5")]
    [InlineData("<xml>")]
    [InlineData(null)]
    public async Task HoldKey_OtherKeyOrGarbage_AnswersLikeAHold(string? digits)
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow, arrange: EnqueueStepTests.TwoAhead).StartAsync("en-US");

        await run.SendAsync(FlowEvent.HoldKey, i => i with { Digits = digits });

        Assert.Empty(run.World.Callbacks);
        Assert.Equal(["Say", "Gather"], run.Verbs);
        Assert.False(run.Variable(FlowVariables.CallbackRequested).AsBoolean());
    }

    [Fact]
    public async Task HoldKey_CallbackRequestFails_CallerStaysInLine()
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow, arrange: EnqueueStepTests.TwoAhead).StartAsync("en-US");
        run.World.Failure = new InvalidOperationException("database down");

        await run.SendAsync(FlowEvent.HoldKey, i => i with { Digits = "1" });

        Assert.Equal(["Pause"], run.Verbs);
        Assert.False(run.Variable(FlowVariables.CallbackRequested).AsBoolean());
        Assert.Equal("queue", run.Session.CurrentStep);
    }

    [Fact]
    public async Task Hold_AfterCallbackRequested_Leaves()
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow, arrange: EnqueueStepTests.TwoAhead).StartAsync("en-US");
        await run.SendAsync(FlowEvent.HoldKey, i => i with { Digits = "1" });

        await run.SendAsync(FlowEvent.Hold);

        Assert.Equal(["Leave"], run.Verbs);
    }
}
