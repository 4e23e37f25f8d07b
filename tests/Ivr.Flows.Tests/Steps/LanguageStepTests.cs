using Ivr.Flows.Execution;
using Ivr.Flows.Steps;
using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Steps;

public sealed class LanguageStepTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["zh-CN", "en-US"], "start": "lang",
          "steps": [
            { "id": "lang", "type": "language", "retries": 1,
              "prompt": { "zh-CN": "普通话请按1", "en-US": "For English, press 2" },
              "invalidPrompt": { "zh-CN": "输入无效", "en-US": "Not an option" },
              "options": { "1": "zh-CN", "2": "en-US" }, "next": "hello", "fallback": "hello" },
            { "id": "hello", "type": "say", "prompt": { "zh-CN": "您好", "en-US": "Hello" } }
          ]
        }
        """;

    [Fact]
    public async Task Start_SpeaksPromptInEveryLanguageWithItsOwnVoice()
    {
        var run = await FlowRun.Of(Flow).StartAsync();

        var gather = Assert.Single(run.Twiml.Root!.Elements("Gather"));
        Assert.Equal("1", gather.Attribute("numDigits")?.Value);
        var says = gather.Elements("Say").Select(s => (s.Value, s.Attribute("voice")?.Value, s.Attribute("language")?.Value)).ToList();
        Assert.Equal([("普通话请按1", "alice", "zh-CN"), ("For English, press 2", "Polly.Joanna", "en-US")], says);
    }

    [Fact]
    public async Task Key_English_SetsLanguageForLaterPrompts()
    {
        var run = await FlowRun.Of(Flow).StartAsync();

        await run.PressAsync("2");

        Assert.Equal("en-US", run.Session.Language);
        Assert.Equal("en-US", run.Variable(FlowVariables.Language).AsText());
        Assert.True(run.Variable(LanguageStep.ChosenVariable).AsBoolean());
        Assert.Equal(["Hello"], run.Spoken);
        Assert.Equal("en-US", run.Twiml.Descendants("Say").Single().Attribute("language")?.Value);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("<xml>")]
    [InlineData("22222222222222222222222222222222222222")]
    public async Task Key_UnknownOrGarbage_AsksAgainInEveryLanguage(string digits)
    {
        var run = await FlowRun.Of(Flow).StartAsync();

        await run.PressAsync(digits);

        Assert.Equal(["输入无效", "普通话请按1", "Not an option", "For English, press 2"], run.Spoken);
        Assert.Equal("lang", run.Session.CurrentStep);
        Assert.Contains("turn=2", run.Twiml.Root!.Element("Gather")!.Attribute("action")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_Exhausted_FallbackKeepsDefaultLanguage()
    {
        var run = await FlowRun.Of(Flow).StartAsync();

        await run.TimeoutAsync();
        Assert.Equal(["普通话请按1", "For English, press 2"], run.Spoken);
        await run.TimeoutAsync();

        Assert.Equal(["您好"], run.Spoken);
        Assert.Equal("zh-CN", run.Session.Language);
        Assert.False(run.Variable(LanguageStep.ChosenVariable).AsBoolean());
    }

    [Fact]
    public async Task SmsFlow_AsksInEveryLanguageAndTakesTextedKey()
    {
        var json = Flow.Replace("\"id\": \"t\",", "\"id\": \"t\", \"kind\": \"sms\", \"helpText\": { \"zh-CN\": \"帮助\", \"en-US\": \"Help\" }, \"optOutText\": { \"zh-CN\": \"退订\", \"en-US\": \"Stopped\" }, \"optInText\": { \"zh-CN\": \"订阅\", \"en-US\": \"Started\" },", StringComparison.Ordinal);
        var run = await FlowRun.Of(json).StartAsync(smsBody: "hi");
        Assert.Equal(["普通话请按1\nFor English, press 2"], run.Last.SmsReplies);

        await run.TextAsync("2");

        Assert.Equal("en-US", run.Session.Language);
        Assert.Equal(["Hello"], run.Last.SmsReplies);
    }

    [Fact]
    public void Validate_LanguageNotInFlowOrNotHubTag_IsReported()
    {
        var errors = FlowRun.Errors(Flow.Replace("\"options\": { \"1\": \"zh-CN\", \"2\": \"en-US\" }",
            "\"options\": { \"1\": \"zh\", \"2\": \"fr-FR\", \"x\": \"en-US\" }", StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "lang", Field: "options.1" } && e.Reason.Contains("zh-CN", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { StepId: "lang", Field: "options.2" });
        Assert.Contains(errors, e => e is { StepId: "lang", Field: "options.x" });
    }

    [Fact]
    public void Validate_LanguageTheFlowDoesNotSpeak_IsReported()
    {
        var errors = FlowRun.Errors(Flow
            .Replace("\"languages\": [\"zh-CN\", \"en-US\"]", "\"languages\": [\"zh-CN\"]", StringComparison.Ordinal)
            .Replace(", \"en-US\": \"For English, press 2\"", string.Empty, StringComparison.Ordinal)
            .Replace(", \"en-US\": \"Not an option\"", string.Empty, StringComparison.Ordinal)
            .Replace(", \"en-US\": \"Hello\"", string.Empty, StringComparison.Ordinal));

        var error = Assert.Single(errors);
        Assert.Equal(("lang", "options.2"), (error.StepId, error.Field));
    }

    [Fact]
    public void Validate_MissingNext_IsReported()
    {
        var errors = FlowRun.Errors(Flow.Replace("\"next\": \"hello\", ", string.Empty, StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "lang", Field: "next" });
    }
}
