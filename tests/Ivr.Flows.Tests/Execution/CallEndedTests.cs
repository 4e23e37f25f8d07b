using Ivr.Flows.Execution;
using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Execution;

public sealed class CallEndedTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["en-US"], "start": "menu",
          "steps": [
            { "id": "menu", "type": "menu", "prompt": { "en-US": "Press 1" }, "options": { "1": "queue" } },
            { "id": "queue", "type": "enqueue", "queue": "general", "holdPrompt": { "en-US": "Please hold" },
              "callback": { "thresholdSeconds": 0, "key": "1", "prompt": { "en-US": "Press 1 for a callback" }, "confirmPrompt": { "en-US": "OK" }, "next": "bye" } },
            { "id": "bye", "type": "hangup" }
          ]
        }
        """;

    [Fact]
    public async Task EndAsync_WaitingInMenu_EndsSessionAndLaterWebhooksChangeNothing()
    {
        var run = await FlowRun.Of(Flow).StartAsync();
        var turn = run.Session.Turn;

        var ended = await FlowEngine.EndAsync(run.Flow, run.Session, "completed", run.World.Services, FlowRun.Links, CancellationToken.None);
        var again = await FlowEngine.EndAsync(run.Flow, ended.Session, "completed", run.World.Services, FlowRun.Links, CancellationToken.None);
        var late = await FlowEngine.ContinueAsync(
            run.Flow, ended.Session, new FlowInput { Event = FlowEvent.Gathered, Step = "menu", Turn = turn, Digits = "1" }, run.World.Services, FlowRun.Links, CancellationToken.None);

        Assert.True(ended.Changed);
        Assert.True(ended.Session.Ended);
        Assert.Contains(ended.Session.Trace, t => t is { Step: "menu", Event: "call-ended", Detail: "completed" });
        Assert.False(again.Changed);
        Assert.False(late.Changed);
        Assert.Empty(run.World.Enqueued);
    }

    [Fact]
    public async Task EndAsync_WaitingInQueue_GivesThePlaceUp()
    {
        var run = await FlowRun.Of(Flow).StartAsync();
        await run.PressAsync("1");

        await FlowEngine.EndAsync(run.Flow, run.Session, "completed", run.World.Services, FlowRun.Links, CancellationToken.None);

        Assert.Equal([("CA0123456789abcdef0123456789abcdef", "hangup")], run.World.Left);
    }

    [Fact]
    public async Task EndAsync_AfterCallbackRequest_KeepsThePlace()
    {
        var run = await FlowRun.Of(Flow).StartAsync();
        await run.PressAsync("1");
        await run.SendAsync(FlowEvent.HoldKey, i => i with { Digits = "1" });
        Assert.Single(run.World.Callbacks);

        await FlowEngine.EndAsync(run.Flow, run.Session, "completed", run.World.Services, FlowRun.Links, CancellationToken.None);

        Assert.Empty(run.World.Left);
    }

    [Fact]
    public async Task EndAsync_FailingQueue_StillEndsAndTracesTheError()
    {
        var run = await FlowRun.Of(Flow).StartAsync();
        await run.PressAsync("1");
        run.World.Failure = new TimeoutException("db down");

        var ended = await FlowEngine.EndAsync(run.Flow, run.Session, "completed", run.World.Services, FlowRun.Links, CancellationToken.None);

        Assert.True(ended.Session.Ended);
        Assert.Contains(ended.Session.Trace, t => t.Event == "error");
    }
}
