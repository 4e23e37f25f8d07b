using Ivr.Flows.Execution;
using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Steps;

public sealed class TransferStepTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["zh-CN", "en-US"], "start": "ward",
          "steps": [
            { "id": "ward", "type": "transfer", "number": "+861058001234", "callerId": "+861058000000", "timeout": 20,
              "prompt": { "zh-CN": "正在为您转接", "en-US": "Connecting you now" }, "failed": "sorry" },
            { "id": "sorry", "type": "hangup", "prompt": { "zh-CN": "无人接听", "en-US": "Nobody answered" } }
          ]
        }
        """;

    [Fact]
    public async Task Start_SaysPromptThenDialsNumber()
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        Assert.Equal(["Say", "Dial"], run.Verbs);
        Assert.Equal(["Connecting you now"], run.Spoken);
        var dial = run.Twiml.Root!.Element("Dial")!;
        Assert.Equal($"{FlowRun.VoiceUrl}?event=dialed&step=ward&turn=1", dial.Attribute("action")?.Value);
        Assert.Equal("+861058000000", dial.Attribute("callerId")?.Value);
        Assert.Equal("20", dial.Attribute("timeout")?.Value);
        Assert.Equal("+861058001234", dial.Element("Number")?.Value);
        Assert.False(run.Session.Ended);
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("answered")]
    [InlineData("COMPLETED")]
    public async Task Dialed_Connected_EndsFlow(string status)
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        await run.SendAsync(FlowEvent.Dialed, i => i with { DialCallStatus = status });

        Assert.True(run.Session.Ended);
        Assert.Equal(["Hangup"], run.Verbs);
        Assert.Equal("ward", run.Session.CurrentStep);
    }

    [Theory]
    [InlineData("busy", "busy")]
    [InlineData("no-answer", "no-answer")]
    [InlineData("failed", "failed")]
    [InlineData("canceled", "canceled")]
    [InlineData("<xml>", "unknown")]
    [InlineData(null, "unknown")]
    public async Task Dialed_NotConnected_TakesFailed(string? status, string traced)
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        await run.SendAsync(FlowEvent.Dialed, i => i with { DialCallStatus = status });

        Assert.Equal(["Nobody answered"], run.Spoken);
        Assert.Equal("sorry", run.Session.CurrentStep);
        Assert.Contains(run.Session.Trace, t => t is { Step: "ward", Event: "dialed" } && t.Detail == traced);
    }

    [Fact]
    public async Task Dialed_HugeStatus_TakesFailed()
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        await run.SendAsync(FlowEvent.Dialed, i => i with { DialCallStatus = new string('b', 100_000) });

        Assert.Equal("sorry", run.Session.CurrentStep);
        Assert.All(run.Session.Trace, t => Assert.True((t.Detail?.Length ?? 0) < 200));
    }

    [Fact]
    public async Task Dialed_NotConnectedWithoutFailed_EndsCall()
    {
        var run = await FlowRun.Of(Flow.Replace(", \"failed\": \"sorry\"", string.Empty, StringComparison.Ordinal)
            .Replace(",\n    { \"id\": \"sorry\", \"type\": \"hangup\", \"prompt\": { \"zh-CN\": \"无人接听\", \"en-US\": \"Nobody answered\" } }", string.Empty, StringComparison.Ordinal))
            .StartAsync("en-US");

        await run.SendAsync(FlowEvent.Dialed, i => i with { DialCallStatus = "busy" });

        Assert.True(run.Session.Ended);
        Assert.Equal(["Hangup"], run.Verbs);
    }

    [Fact]
    public void Validate_BadNumbersAndTimeout_AreReported()
    {
        var errors = FlowRun.Errors(Flow
            .Replace("\"+861058001234\"", "\"010-5800-1234\"", StringComparison.Ordinal)
            .Replace("\"callerId\": \"+861058000000\"", "\"callerId\": \"+0123\"", StringComparison.Ordinal)
            .Replace("\"timeout\": 20", "\"timeout\": 61", StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "ward", Field: "number" });
        Assert.Contains(errors, e => e is { StepId: "ward", Field: "callerId" });
        Assert.Contains(errors, e => e is { StepId: "ward", Field: "timeout" });
    }

    [Fact]
    public void Validate_MissingNumber_IsReported()
    {
        var errors = FlowRun.Errors(Flow.Replace("\"number\": \"+861058001234\", ", string.Empty, StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "ward", Field: "number" } && e.Reason == "is required.");
    }
}
