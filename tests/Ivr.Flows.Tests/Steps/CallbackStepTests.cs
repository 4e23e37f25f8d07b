using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Steps;

public sealed class CallbackStepTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["en-US"], "start": "cb",
          "steps": [
            { "id": "cb", "type": "callback", "queue": "general", "prompt": { "en-US": "We will call you back" }, "next": "bye" },
            { "id": "bye", "type": "hangup" }
          ]
        }
        """;

    [Fact]
    public async Task Execute_StoresRequestForCallerAndConfirms()
    {
        var run = await FlowRun.Of(Flow).StartAsync();

        var request = Assert.Single(run.World.Callbacks);
        Assert.Equal(("general", FlowRun.CallerNumber, "en-US"), (request.Queue, request.Number, request.Language));
        Assert.Equal(["We will call you back"], run.Spoken);
        Assert.True(run.Variable("callback.requested").AsBoolean());
        Assert.Equal(["Say", "Hangup"], run.Verbs);
    }

    [Fact]
    public void Validate_UnknownOrMissingQueue_IsAnError()
    {
        Assert.Contains(FlowRun.Errors(Flow.Replace("\"general\"", "\"nowhere\"", StringComparison.Ordinal)),
            e => e is { StepId: "cb", Field: "queue" } && e.Reason.Contains("nowhere", StringComparison.Ordinal));
        Assert.Contains(FlowRun.Errors(Flow.Replace("\"queue\": \"general\", ", string.Empty, StringComparison.Ordinal)),
            e => e is { StepId: "cb", Field: "queue" });
    }

    [Fact]
    public async Task FailingQueue_ApologisesAndHangsUp()
    {
        var run = await FlowRun.Of(Flow, arrange: w => w.Failure = new InvalidOperationException("down")).StartAsync();

        Assert.Empty(run.World.Callbacks);
        Assert.Equal("Hangup", run.Verbs[^1]);
        Assert.Contains(run.Session.Trace, t => t.Event == "error");
    }
}
