using Ivr.Flows.Execution;
using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Steps;

/// <summary>The Enqueue action: the caller left the line, to an agent, by hanging up, for a callback, or because of the queue.</summary>
public sealed class EnqueueStepLeaveTests
{
    [Theory]
    [InlineData("bridged")]
    [InlineData("bridging-in-process")]
    public async Task QueueLeft_WithAgent_EndsFlow(string result)
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow).StartAsync("en-US");

        await run.SendAsync(FlowEvent.QueueLeft, i => i with { QueueResult = result });

        Assert.True(run.Session.Ended);
        Assert.Empty(run.World.Left);
        Assert.Equal(["Hangup"], run.Verbs);
    }

    [Fact]
    public async Task QueueLeft_Hangup_LeavesQueueAndEnds()
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow).StartAsync("en-US");

        await run.SendAsync(FlowEvent.QueueLeft, i => i with { QueueResult = "hangup" });

        Assert.Equal((EnqueueStepTests.CallSid, "hangup"), Assert.Single(run.World.Left));
        Assert.True(run.Session.Ended);
        Assert.Empty(run.Spoken);
    }

    [Fact]
    public async Task QueueLeft_HangupAfterCallbackRequested_KeepsTheCallback()
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow, arrange: EnqueueStepTests.TwoAhead).StartAsync("en-US");
        await run.SendAsync(FlowEvent.HoldKey, i => i with { Digits = "1" });

        await run.SendAsync(FlowEvent.QueueLeft, i => i with { QueueResult = "hangup" });

        Assert.Empty(run.World.Left);
        Assert.Single(run.World.Callbacks);
        Assert.True(run.Session.Ended);
    }

    [Theory]
    [InlineData("queue-full", "queue-full")]
    [InlineData("error", "error")]
    [InlineData("system-error", "system-error")]
    [InlineData("redirected", "redirected")]
    [InlineData("<xml>", "unknown")]
    [InlineData(null, "unknown")]
    public async Task QueueLeft_WithoutAgent_LeavesQueueAndGoesNext(string? result, string reason)
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow).StartAsync("en-US");

        await run.SendAsync(FlowEvent.QueueLeft, i => i with { QueueResult = result });

        Assert.Equal((EnqueueStepTests.CallSid, reason), Assert.Single(run.World.Left));
        Assert.Equal(["All lines are busy"], run.Spoken);
        Assert.Equal("busy", run.Session.CurrentStep);
    }

    [Fact]
    public async Task QueueLeft_HugeResult_IsGarbage()
    {
        var run = await FlowRun.Of(EnqueueStepTests.Flow).StartAsync("en-US");

        await run.SendAsync(FlowEvent.QueueLeft, i => i with { QueueResult = new string('q', 100_000) });

        Assert.Equal((EnqueueStepTests.CallSid, "unknown"), Assert.Single(run.World.Left));
    }
}
