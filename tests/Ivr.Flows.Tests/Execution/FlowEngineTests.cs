using Ivr.Flows.Execution;
using Ivr.Flows.Loading;
using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Execution;

public sealed class FlowEngineTests
{
    private const string SayThenHangup = """
        {
          "id": "t", "languages": ["zh-CN", "en-US"], "start": "hello",
          "steps": [
            { "id": "hello", "type": "say", "prompt": { "zh-CN": "您好 {call.from}", "en-US": "Hello {call.from}" }, "next": "bye" },
            { "id": "bye", "type": "hangup", "prompt": { "zh-CN": "再见", "en-US": "Goodbye" } }
          ]
        }
        """;

    [Fact]
    public async Task StartAsync_SayThenHangup_SpeaksInLanguageAndHangsUp()
    {
        var run = await FlowRun.Of(SayThenHangup).StartAsync("en-US");

        Assert.Equal(["Hello " + FlowRun.CallerNumber, "Goodbye"], run.Spoken);
        Assert.Equal(["Say", "Say", "Hangup"], run.Verbs);
        Assert.True(run.Session.Ended);
        Assert.Contains(run.Session.Trace, t => t.Step == "bye" && t.Event == "enter");
    }

    [Fact]
    public async Task StartAsync_NoLanguage_UsesFlowDefault()
    {
        var run = await FlowRun.Of(SayThenHangup).StartAsync();

        Assert.Equal("您好 " + FlowRun.CallerNumber, run.Spoken[0]);
        Assert.Equal("zh-CN", run.Twiml.Descendants("Say").First().Attribute("language")?.Value);
    }

    [Fact]
    public async Task ContinueAsync_EndedSession_ReturnsLastAnswerUnchanged()
    {
        var run = await FlowRun.Of(SayThenHangup).StartAsync();
        var first = run.Last.Twiml;

        await run.PressAsync("1");

        Assert.False(run.Last.Changed);
        Assert.Equal(first, run.Last.Twiml);
    }

    [Fact]
    public async Task Session_RoundTripsThroughJson()
    {
        var run = await FlowRun.Of(SayThenHangup).StartAsync("en-US");

        var copy = FlowJson.DeserializeSession(FlowJson.SerializeSession(run.Session));

        Assert.Equal(run.Session.CurrentStep, copy.CurrentStep);
        Assert.Equal(run.Session.Variables, copy.Variables);
        Assert.Equal(run.Session.Trace, copy.Trace);
        Assert.Equal(run.Session.Turn, copy.Turn);
    }

    [Fact]
    public void Load_UnknownTransitionTarget_NamesStepAndField()
    {
        var errors = FlowRun.Errors(SayThenHangup.Replace("\"next\": \"bye\"", "\"next\": \"nowhere\"", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StepId == "hello" && e.Field == "next" && e.Reason.Contains("nowhere", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_MissingLanguageText_NamesPromptField()
    {
        var errors = FlowRun.Errors(SayThenHangup.Replace(", \"en-US\": \"Goodbye\"", string.Empty, StringComparison.Ordinal));

        var error = Assert.Single(errors);
        Assert.Equal(("bye", "prompt.en-US"), (error.StepId, error.Field));
        Assert.Equal("test.json: step 'bye', field 'prompt.en-US': the flow speaks en-US but this prompt has no en-US text.", error.ToString());
    }

    [Fact]
    public void Load_UnknownField_NamesTheTypo()
    {
        var errors = FlowRun.Errors(SayThenHangup.Replace("\"next\": \"bye\"", "\"nxet\": \"bye\"", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StepId == "hello" && e.Field == "nxet");
    }

    [Fact]
    public void Load_WrongFieldType_NamesTheField()
    {
        var errors = FlowRun.Errors(SayThenHangup.Replace("\"next\": \"bye\"", "\"next\": \"bye\", \"loop\": \"twice\"", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StepId == "hello" && e.Field == "loop");
    }

    [Fact]
    public void Load_UnreachableStep_IsAnError()
    {
        var errors = FlowRun.Errors(SayThenHangup.Replace("\"next\": \"bye\"", "\"next\": null", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StepId == "bye" && e.Reason.Contains("unreachable", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_NotJson_NamesTheFile()
    {
        var errors = FlowRun.Errors("{ not json");

        Assert.StartsWith("test.json: field '(file)': not valid JSON", Assert.Single(errors).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownStepType_ListsTheKnownOnes()
    {
        var errors = FlowRun.Errors(SayThenHangup.Replace("\"type\": \"hangup\"", "\"type\": \"hang-up\"", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StepId == "bye" && e.Field == "type" && e.Reason.Contains("say", StringComparison.Ordinal));
    }
}
