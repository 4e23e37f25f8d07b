using Ivr.Flows.Execution;
using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Steps;

public sealed class MenuStepTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["zh-CN", "en-US"], "start": "main",
          "steps": [
            { "id": "main", "type": "menu", "retries": 1,
              "prompt": { "zh-CN": "预约请按1，投诉请按#", "en-US": "For appointments press 1, complaints press pound" },
              "invalidPrompt": { "zh-CN": "输入无效", "en-US": "That is not an option" },
              "noInputPrompt": { "zh-CN": "没有听到", "en-US": "We did not hear you" },
              "options": { "1": "appointments", "#": "complaints", "0": "sub" },
              "speech": {
                "1": { "zh-CN": "预约,挂号", "en-US": "appointment,booking" },
                "#": { "zh-CN": "投诉", "en-US": "complaint" } },
              "fallback": "bye" },
            { "id": "sub", "type": "menu", "prompt": { "zh-CN": "请按1", "en-US": "Press 1" },
              "options": { "1": "appointments" } },
            { "id": "appointments", "type": "say", "prompt": { "zh-CN": "预约", "en-US": "Appointments" } },
            { "id": "complaints", "type": "say", "prompt": { "zh-CN": "投诉", "en-US": "Complaints" } },
            { "id": "bye", "type": "hangup", "prompt": { "zh-CN": "再见", "en-US": "Goodbye" } }
          ]
        }
        """;

    [Fact]
    public async Task Start_RendersOneKeyGatherWithSpeechHintsInCallLanguage()
    {
        var run = await FlowRun.Of(Flow).StartAsync();

        var gather = Assert.Single(run.Twiml.Root!.Elements("Gather"));
        Assert.Equal("1", gather.Attribute("numDigits")?.Value);
        Assert.Equal("dtmf speech", gather.Attribute("input")?.Value);
        Assert.Equal("cmn-Hans-CN", gather.Attribute("language")?.Value);
        Assert.Equal("预约,挂号,投诉", gather.Attribute("hints")?.Value);
        Assert.Equal(string.Empty, gather.Attribute("finishOnKey")?.Value);
        Assert.Equal($"{FlowRun.VoiceUrl}?event=gathered&step=main&turn=1", gather.Attribute("action")?.Value);
        Assert.Equal(["预约请按1，投诉请按#"], run.Spoken);
    }

    [Fact]
    public async Task Key_ToMenuWithoutSpeechWords_ListensForKeysOnly()
    {
        var run = await FlowRun.Of(Flow).StartAsync();

        await run.PressAsync("0");

        var gather = Assert.Single(run.Twiml.Root!.Elements("Gather"));
        Assert.Equal("dtmf", gather.Attribute("input")?.Value);
        Assert.Null(gather.Attribute("hints"));
        Assert.Null(gather.Attribute("language"));
    }

    [Theory]
    [InlineData("1", "Appointments")]
    [InlineData("#", "Complaints")]
    public async Task Key_KnownOption_GoesToItsStepAndRecordsPath(string key, string spoken)
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        await run.PressAsync(key);

        Assert.Equal([spoken], run.Spoken);
        Assert.Equal([key], run.Variable(FlowVariables.MenuPath).AsList().ToArray());
        Assert.Contains(run.Session.Trace, t => t.Step == "main" && t.Event == "input" && t.Detail == $"key {key}");
    }

    [Fact]
    public async Task Keys_ThroughTwoMenus_AppendToPath()
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        await run.PressAsync("0");
        Assert.Equal(["Press 1"], run.Spoken);
        await run.PressAsync("1");

        Assert.Equal(["0", "1"], run.Variable(FlowVariables.MenuPath).AsList().ToArray());
        Assert.Equal(["Appointments"], run.Spoken);
    }

    [Theory]
    [InlineData("en-US", "I'd like to make a BOOKING please", "Appointments")]
    [InlineData("en-US", "I have a complaint.", "Complaints")]
    [InlineData("en-US", "1.", "Appointments")]
    [InlineData("zh-CN", "我要挂号", "预约")]
    public async Task Speech_MatchingWord_ChoosesOption(string language, string said, string spoken)
    {
        var run = await FlowRun.Of(Flow).StartAsync(language);

        await run.SayAsync(said);

        Assert.Equal([spoken], run.Spoken);
        Assert.Single(run.Variable(FlowVariables.MenuPath).AsList().ToArray());
    }

    [Theory]
    [InlineData("9")]
    [InlineData("12")]
    [InlineData("<xml>")]
    [InlineData("1<Hangup/>")]
    public async Task Key_UnknownOrGarbage_AsksAgainWithInvalidPrompt(string digits)
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        await run.PressAsync(digits);

        Assert.Equal(["That is not an option", "For appointments press 1, complaints press pound"], run.Spoken);
        Assert.Equal("main", run.Session.CurrentStep);
        Assert.True(run.Variable(FlowVariables.MenuPath).IsNull);
    }

    [Fact]
    public async Task Speech_HugeUnknownText_AsksAgain()
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        await run.SayAsync(new string('x', 100_000));

        Assert.Equal(["That is not an option", "For appointments press 1, complaints press pound"], run.Spoken);
    }

    [Fact]
    public async Task Retries_Exhausted_TakesFallback()
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        await run.TimeoutAsync();
        Assert.Equal(["We did not hear you", "For appointments press 1, complaints press pound"], run.Spoken);
        await run.PressAsync("7");

        Assert.Equal(["Goodbye"], run.Spoken);
        Assert.Equal(["Say", "Hangup"], run.Verbs);
        Assert.Equal("bye", run.Session.CurrentStep);
    }

    [Fact]
    public async Task SmsFlow_TextWithKey_ChoosesOption()
    {
        var sms = Flow.Replace("\"id\": \"t\",", "\"id\": \"t\", \"kind\": \"sms\", \"helpText\": { \"zh-CN\": \"帮助\", \"en-US\": \"Help\" }, \"optOutText\": { \"zh-CN\": \"退订\", \"en-US\": \"Stopped\" }, \"optInText\": { \"zh-CN\": \"订阅\", \"en-US\": \"Started\" },", StringComparison.Ordinal);
        var run = await FlowRun.Of(sms).StartAsync("en-US", smsBody: "hi");
        Assert.Equal(["For appointments press 1, complaints press pound"], run.Last.SmsReplies);

        await run.TextAsync(" 1 ");

        Assert.Equal(["Appointments"], run.Last.SmsReplies);
    }

    [Fact]
    public void Validate_BadKeysAndSpeechForMissingOption_AreReported()
    {
        var errors = FlowRun.Errors(Flow
            .Replace("\"0\": \"sub\"", "\"0\": \"sub\", \"12\": \"bye\", \"a\": \"bye\"", StringComparison.Ordinal)
            .Replace("\"#\": { \"zh-CN\": \"投诉\"", "\"5\": { \"zh-CN\": \"投诉\"", StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "main", Field: "options.12" });
        Assert.Contains(errors, e => e is { StepId: "main", Field: "options.a" });
        Assert.Contains(errors, e => e is { StepId: "main", Field: "speech.5" });
    }

    [Fact]
    public void Validate_UnknownTargetAndMissingSpeechLanguage_AreReported()
    {
        var errors = FlowRun.Errors(Flow
            .Replace("\"#\": \"complaints\"", "\"#\": \"nowhere\"", StringComparison.Ordinal)
            .Replace(", \"en-US\": \"complaint\"", string.Empty, StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "main", Field: "options.#" } && e.Reason.Contains("nowhere", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { StepId: "main", Field: "speech.#.en-US" });
    }

    [Fact]
    public void Validate_NoOptions_IsReported()
    {
        var errors = FlowRun.Errors(Flow.Replace("\"options\": { \"1\": \"appointments\" }", "\"options\": {}", StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "sub", Field: "options" });
    }
}
