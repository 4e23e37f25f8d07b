using Ivr.Flows.Execution;
using Ivr.Flows.Services;
using Ivr.Flows.Tests.Support;
using Ivr.Flows.Values;

namespace Ivr.Flows.Tests.Steps;

public sealed class IdentifyStepTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["zh-CN", "en-US"], "start": "who",
          "steps": [
            { "id": "who", "type": "identify", "known": "hello", "unknown": "anon" },
            { "id": "hello", "type": "hangup", "prompt": { "zh-CN": "您好 {patient.givenName}", "en-US": "Hello {patient.givenName}" } },
            { "id": "anon", "type": "hangup", "prompt": { "zh-CN": "您好", "en-US": "Hello" } }
          ]
        }
        """;

    private static readonly Guid PatientId = Guid.Parse("0199a0b0-0000-7000-8000-000000000001");

    private static void Known(FakeWorld world, string? language = "en-US") =>
        world.PatientsByPhone[FlowRun.CallerNumber] = new CallerProfile(PatientId, "Wang Fang", "Fang", language, ["vip", "diabetes"]);

    [Fact]
    public async Task Execute_KnownCaller_SetsPatientVariablesAndSpeaksTheirLanguage()
    {
        var run = await FlowRun.Of(Flow, arrange: w => Known(w)).StartAsync();

        Assert.Equal(FlowValue.True, run.Variable(FlowVariables.CallerKnown));
        Assert.Equal(FlowValue.From(PatientId.ToString()), run.Variable(FlowVariables.PatientId));
        Assert.Equal(FlowValue.From("Wang Fang"), run.Variable(FlowVariables.PatientName));
        Assert.Equal(FlowValue.From("Fang"), run.Variable(FlowVariables.PatientGivenName));
        Assert.Equal(FlowValue.From(["vip", "diabetes"]), run.Variable(FlowVariables.PatientTags));
        Assert.Equal("en-US", run.Session.Language);
        Assert.Equal(FlowValue.From("en-US"), run.Variable(FlowVariables.Language));
        Assert.Equal(["Hello Fang"], run.Spoken);
        Assert.DoesNotContain(run.Session.Trace, t => t.Detail?.Contains("Fang", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData(null)]
    [InlineData("garbage!")]
    public async Task Execute_PatientLanguageNotSpoken_KeepsTheCallsLanguage(string? language)
    {
        var run = await FlowRun.Of(Flow, arrange: w => Known(w, language)).StartAsync();

        Assert.Equal("zh-CN", run.Session.Language);
        Assert.Equal(["您好 Fang"], run.Spoken);
    }

    [Fact]
    public async Task Execute_LanguageAlreadyChosen_IsNotOverridden()
    {
        var flow = Flow.Replace("\"start\": \"who\"", "\"start\": \"chose\"", StringComparison.Ordinal)
            .Replace("\"steps\": [", "\"steps\": [ { \"id\": \"chose\", \"type\": \"set\", \"variables\": { \"language.chosen\": \"true\" }, \"next\": \"who\" },", StringComparison.Ordinal);
        var run = await FlowRun.Of(flow, arrange: w => Known(w)).StartAsync();

        Assert.Equal("zh-CN", run.Session.Language);
        Assert.Equal(FlowValue.True, run.Variable(FlowVariables.CallerKnown));
    }

    [Theory]
    [InlineData("+8613700000000")]
    [InlineData("")]
    [InlineData("anonymous")]
    public async Task Execute_UnknownCaller_TakesUnknown(string from)
    {
        var run = await FlowRun.Of(Flow, arrange: w => Known(w)).StartAsync(from: from);

        Assert.Equal(FlowValue.False, run.Variable(FlowVariables.CallerKnown));
        Assert.Equal(FlowValue.Null, run.Variable(FlowVariables.PatientId));
        Assert.Equal(["您好"], run.Spoken);
        Assert.Contains(run.Session.Trace, t => t is { Step: "who", Event: "identify", Detail: "unknown" });
    }

    [Fact]
    public async Task Execute_DirectoryFails_LandsInErrorPath()
    {
        var run = FlowRun.Of(Flow);
        run.World.Failure = new InvalidOperationException("directory down");

        await run.StartAsync();

        Assert.True(run.Session.Ended);
        Assert.Contains(run.Session.Trace, t => t is { Step: "who", Event: "error" });
        Assert.Equal(["抱歉，系统暂时无法处理您的请求，请稍后再拨。"], run.Spoken);
    }

    [Theory]
    [InlineData("\"known\": \"hello\", ", "", "known", "is required")]
    [InlineData("\"unknown\": \"anon\"", "\"unknown\": \"x\"", "unknown", "unknown step 'x'")]
    public void Validate_Errors_NameStepAndField(string find, string replace, string field, string reason)
    {
        var errors = FlowRun.Errors(Flow.Replace(find, replace, StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StepId == "who" && e.Field == field && e.Reason.Contains(reason, StringComparison.Ordinal));
    }
}
