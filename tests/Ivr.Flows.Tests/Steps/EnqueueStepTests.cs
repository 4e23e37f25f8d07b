using Ivr.Flows.Execution;
using Ivr.Flows.Loading;
using Ivr.Flows.Services;
using Ivr.Flows.Tests.Support;
using Ivr.Flows.Validation;

namespace Ivr.Flows.Tests.Steps;

public sealed class EnqueueStepTests
{
    internal const string CallSid = "CA0123456789abcdef0123456789abcdef";

    internal const string Flow = """
        {
          "id": "t", "languages": ["zh-CN", "en-US"], "start": "queue",
          "steps": [
            { "id": "queue", "type": "enqueue", "queue": "appointments", "priority": 10, "skills": ["en", "booking"],
              "announceEvery": 20,
              "holdPrompt": { "zh-CN": "您排在第{queue.position}位，约{queue.waitMinutes}分钟", "en-US": "You are number {queue.position}, about {queue.waitMinutes} minutes" },
              "callback": { "thresholdSeconds": 120, "key": "1",
                "prompt": { "zh-CN": "按1回拨", "en-US": "Press 1 to be called back, keeping your place" },
                "confirmPrompt": { "zh-CN": "我们会回拨", "en-US": "We will call you back" },
                "next": "bye" },
              "next": "busy" },
            { "id": "busy", "type": "hangup", "prompt": { "zh-CN": "线路繁忙", "en-US": "All lines are busy" } },
            { "id": "bye", "type": "hangup", "prompt": { "zh-CN": "再见", "en-US": "Goodbye" } }
          ]
        }
        """;

    /// <summary>Two callers already wait in the queue, so this one is third: about three minutes, past the threshold.</summary>
    internal static void TwoAhead(FakeWorld world)
    {
        foreach (var sid in new[] { "CAahead1", "CAahead2" })
        {
            world.Enqueued.Add(new QueueRequest(sid, "appointments", 0, [], null, "+8613900000000", "zh-CN"));
        }
    }

    [Fact]
    public async Task Start_EnqueuesCallAndRendersEnqueueWithLeftAndHoldUrls()
    {
        var run = FlowRun.Of(Flow);
        var world = run.World;

        await run.StartAsync("en-US");

        Assert.Equal(["Enqueue"], run.Verbs);
        var enqueue = run.Twiml.Root!.Element("Enqueue")!;
        Assert.Equal("appointments", enqueue.Value);
        Assert.Equal($"{FlowRun.VoiceUrl}?event=queue-left&step=queue&turn=1", enqueue.Attribute("action")?.Value);
        Assert.Equal($"{FlowRun.VoiceUrl}?event=hold&step=queue", enqueue.Attribute("waitUrl")?.Value);
        var request = Assert.Single(world.Enqueued);
        Assert.Equal((CallSid, "appointments", 10, FlowRun.CallerNumber, "en-US"), (request.CallSid, request.Queue, request.Priority, request.CallerNumber, request.Language));
        Assert.Equal(["en", "booking"], request.Skills);
        Assert.Null(request.PatientId);
        Assert.Equal("appointments", run.Variable(FlowVariables.Queue).AsText());
        Assert.False(run.Session.Ended);
    }

    [Fact]
    public async Task Start_QueueLineFails_EngineApologisesAndEnds()
    {
        var run = FlowRun.Of(Flow, arrange: w => w.Failure = new InvalidOperationException("database down"));

        await run.StartAsync("en-US");

        Assert.True(run.Session.Ended);
        Assert.Equal(["Say", "Hangup"], run.Verbs);
        Assert.Contains(run.Session.Trace, t => t is { Step: "queue", Event: "error" });
    }

    [Fact]
    public async Task Start_QueueLineFails_GoesToFlowErrorStep()
    {
        var run = FlowRun.Of(Flow.Replace("\"start\": \"queue\",", "\"start\": \"queue\", \"onError\": \"busy\",", StringComparison.Ordinal),
            arrange: w => w.Failure = new InvalidOperationException("database down"));

        await run.StartAsync("en-US");

        Assert.Equal(["All lines are busy"], run.Spoken);
        Assert.Equal("busy", run.Session.CurrentStep);
    }

    [Fact]
    public void Validate_BadFields_AreReported()
    {
        var errors = FlowRun.Errors(Flow
            .Replace("\"queue\": \"appointments\"", "\"queue\": \"nowhere\"", StringComparison.Ordinal)
            .Replace("\"priority\": 10", "\"priority\": 101", StringComparison.Ordinal)
            .Replace("\"skills\": [\"en\", \"booking\"]", "\"skills\": [\"en\", \" \"]", StringComparison.Ordinal)
            .Replace("\"announceEvery\": 20", "\"announceEvery\": 5", StringComparison.Ordinal)
            .Replace("\"thresholdSeconds\": 120, \"key\": \"1\"", "\"thresholdSeconds\": -1, \"key\": \"12\"", StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "queue", Field: "queue" } && e.Reason.Contains("appointments", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { StepId: "queue", Field: "priority" });
        Assert.Contains(errors, e => e is { StepId: "queue", Field: "skills[1]" });
        Assert.Contains(errors, e => e is { StepId: "queue", Field: "announceEvery" });
        Assert.Contains(errors, e => e is { StepId: "queue", Field: "callback.thresholdSeconds" });
        Assert.Contains(errors, e => e is { StepId: "queue", Field: "callback.key" });
    }

    [Fact]
    public void Validate_PriorityAsExpression_IsReported()
    {
        var errors = FlowRun.Errors(Flow.Replace("\"priority\": 10", "\"priority\": \"patient.vip ? 50 : 0\"", StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "queue", Field: "priority" });
    }

    [Fact]
    public void Validate_CallbackPromptMissingOrUntranslated_IsReported()
    {
        var errors = FlowRun.Errors(Flow
            .Replace(", \"en-US\": \"We will call you back\"", string.Empty, StringComparison.Ordinal)
            .Replace("\"prompt\": { \"zh-CN\": \"按1回拨\", \"en-US\": \"Press 1 to be called back, keeping your place\" },", string.Empty, StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "queue", Field: "callback.prompt" });
        Assert.Contains(errors, e => e is { StepId: "queue", Field: "callback.confirmPrompt.en-US" });
    }

    [Fact]
    public void Validate_MissingQueueAndUnknownCallbackTarget_AreReported()
    {
        var errors = FlowRun.Errors(Flow
            .Replace("\"queue\": \"appointments\", ", string.Empty, StringComparison.Ordinal)
            .Replace("\"next\": \"bye\" }", "\"next\": \"nowhere\" }", StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "queue", Field: "queue" } && e.Reason == "is required.");
        Assert.Contains(errors, e => e is { StepId: "queue", Field: "callback.next" });
    }

    [Fact]
    public void Validate_QueueNameTooLongForTwilio_IsReported()
    {
        var name = new string('q', 65);
        var errors = FlowLoader.Load("test.json", Flow.Replace("\"queue\": \"appointments\"", $"\"queue\": \"{name}\"", StringComparison.Ordinal), FlowCatalog.Unknown).Errors;

        Assert.Contains(errors, e => e is { StepId: "queue", Field: "queue" } && e.Reason.Contains("64", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_InSmsFlow_IsRefused()
    {
        var errors = FlowRun.Errors(Flow.Replace("\"id\": \"t\",", "\"id\": \"t\", \"kind\": \"sms\",", StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "queue", Field: "type" });
    }
}
