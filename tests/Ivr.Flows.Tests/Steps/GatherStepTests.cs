using Ivr.Flows.Execution;
using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Steps;

public sealed class GatherStepTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["zh-CN", "en-US"], "start": "pin",
          "steps": [
            { "id": "pin", "type": "gather", "numDigits": 4, "pattern": "^[0-9]{4}$", "variable": "pin", "retries": 1,
              "prompt": { "zh-CN": "请输入四位数字", "en-US": "Enter four digits" },
              "noInputPrompt": { "zh-CN": "没有听到", "en-US": "We did not hear you" },
              "invalidPrompt": { "zh-CN": "输入无效", "en-US": "That is not valid" },
              "next": "ok", "fallback": "bye" },
            { "id": "ok", "type": "say", "prompt": { "zh-CN": "收到 {pin}", "en-US": "Got {pin}" } },
            { "id": "bye", "type": "hangup", "prompt": { "zh-CN": "再见", "en-US": "Goodbye" } }
          ]
        }
        """;

    [Fact]
    public async Task Start_RendersGatherWithActionForStepAndTurn()
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        var gather = Assert.Single(run.Twiml.Root!.Elements("Gather"));
        Assert.Equal("4", gather.Attribute("numDigits")?.Value);
        Assert.Equal($"{FlowRun.VoiceUrl}?event=gathered&step=pin&turn=1", gather.Attribute("action")?.Value);
        Assert.Equal("true", gather.Attribute("actionOnEmptyResult")?.Value);
        Assert.Equal(["Enter four digits"], run.Spoken);
    }

    [Fact]
    public async Task Digits_Valid_StoresVariableAndGoesNext()
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        await run.PressAsync("1234");

        Assert.Equal("1234", run.Variable("pin").AsText());
        Assert.Equal(["Got 1234"], run.Spoken);
        Assert.True(run.Session.Ended);
    }

    [Fact]
    public async Task Silence_AsksAgainWithNoInputPrompt_ThenFallback()
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        await run.TimeoutAsync();
        Assert.Equal(["We did not hear you", "Enter four digits"], run.Spoken);
        Assert.Contains("turn=2", run.Twiml.Root!.Element("Gather")!.Attribute("action")!.Value, StringComparison.Ordinal);

        await run.TimeoutAsync();
        Assert.Equal(["Goodbye"], run.Spoken);
        Assert.Equal("bye", run.Session.CurrentStep);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("12a4")]
    [InlineData("9999999999999999999999999999999")]
    [InlineData("<Say>")]
    public async Task Digits_Invalid_AsksAgainWithInvalidPrompt(string digits)
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        await run.PressAsync(digits);

        Assert.Equal(["That is not valid", "Enter four digits"], run.Spoken);
        Assert.Equal("pin", run.Session.CurrentStep);
        Assert.False(run.Variable("pin").AsBoolean());
    }

    [Fact]
    public async Task RepeatedWebhook_ForSameTurn_ChangesStateOnce()
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");
        var input = new FlowInput { Event = FlowEvent.Gathered, Step = "pin", Turn = 1 };

        var first = await FlowEngine.ContinueAsync(run.Flow, run.Session, input, run.World.Services, FlowRun.Links, CancellationToken.None);
        var attempts = first.Session.Attempts;
        var again = await FlowEngine.ContinueAsync(run.Flow, first.Session, input, run.World.Services, FlowRun.Links, CancellationToken.None);

        Assert.False(again.Changed);
        Assert.Equal(first.Twiml, again.Twiml);
        Assert.Equal(attempts, again.Session.Attempts);
    }

    [Fact]
    public void Validate_BadPatternAndRanges_AreReported()
    {
        var errors = FlowRun.Errors(Flow
            .Replace("^[0-9]{4}$", "([0-9", StringComparison.Ordinal)
            .Replace("\"numDigits\": 4", "\"numDigits\": 40", StringComparison.Ordinal)
            .Replace("\"retries\": 1", "\"retries\": 9", StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "pin", Field: "pattern" });
        Assert.Contains(errors, e => e is { StepId: "pin", Field: "numDigits" });
        Assert.Contains(errors, e => e is { StepId: "pin", Field: "retries" });
    }
}
