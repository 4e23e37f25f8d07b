using Ivr.Flows.Execution;
using Ivr.Flows.Services;
using Ivr.Flows.Tests.Support;
using Ivr.Flows.Values;

namespace Ivr.Flows.Tests.Steps;

public sealed class HttpStepTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["zh-CN", "en-US"], "start": "pick",
          "steps": [
            { "id": "pick", "type": "menu", "prompt": { "zh-CN": "按1", "en-US": "Press 1" }, "options": { "1": "his" } },
            { "id": "his", "type": "http", "endpoint": "his", "timeoutSeconds": 2,
              "fields": { "caller": "{call.from}", "note": "menu {menu.path}" },
              "next": "ok", "failed": "sorry" },
            { "id": "ok", "type": "say", "prompt": { "zh-CN": "床位 {http.his.bed}", "en-US": "Bed {http.his.bed}" } },
            { "id": "sorry", "type": "hangup", "prompt": { "zh-CN": "暂时无法查询", "en-US": "Cannot look that up now" } }
          ]
        }
        """;

    private static Action<FakeWorld> Answers(HttpCallResult result) => world => world.HttpAnswers["his"] = result;

    private static HttpCallResult Ok(params (string Name, string? Value)[] fields) =>
        new(true, 200, fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal));

    [Fact]
    public async Task Call_Success_SendsFilledFieldsAndSavesAnswer()
    {
        var run = await FlowRun.Of(Flow, arrange: Answers(Ok(("bed", "12B"), ("ward", "3")))).StartAsync("en-US");

        await run.PressAsync("1");

        var call = Assert.Single(run.World.HttpCalls);
        Assert.Equal(("his", TimeSpan.FromSeconds(2)), (call.Endpoint, call.Timeout));
        Assert.Equal(FlowRun.CallerNumber, call.Fields["caller"]);
        Assert.Equal("menu 1", call.Fields["note"]);
        Assert.Equal("12B", run.Variable("http.his.bed").AsText());
        Assert.Equal("3", run.Variable("http.his.ward").AsText());
        Assert.Equal(200m, run.Variable("http.his.status").AsNumber());
        Assert.Equal(["Bed 12B"], run.Spoken);
        Assert.Contains(run.Session.Trace, t => t is { Step: "his", Event: "http", Detail: "his: 200" });
    }

    [Fact]
    public async Task Call_SaveAs_UsesPrefix()
    {
        var json = Flow.Replace("\"timeoutSeconds\": 2,", "\"timeoutSeconds\": 2, \"saveAs\": \"ward\",", StringComparison.Ordinal)
            .Replace("{http.his.bed}", "{ward.bed}", StringComparison.Ordinal);
        var run = await FlowRun.Of(json, arrange: Answers(Ok(("bed", "7")))).StartAsync("en-US");

        await run.PressAsync("1");

        Assert.Equal("7", run.Variable("ward.bed").AsText());
        Assert.True(run.Variable("http.his.bed").IsNull);
        Assert.Equal(["Bed 7"], run.Spoken);
    }

    [Fact]
    public async Task Call_Timeout_TakesFailed()
    {
        var run = await FlowRun.Of(Flow).StartAsync("en-US");

        await run.PressAsync("1");

        Assert.Equal(["Cannot look that up now"], run.Spoken);
        Assert.True(run.Variable("http.his.status").IsNull);
    }

    [Fact]
    public async Task Call_NonSuccess_TakesFailedAndSavesOnlyStatus()
    {
        var run = await FlowRun.Of(Flow, arrange: Answers(new HttpCallResult(false, 503, new Dictionary<string, string?> { ["bed"] = "x" }, "unavailable")))
            .StartAsync("en-US");

        await run.PressAsync("1");

        Assert.Equal(["Cannot look that up now"], run.Spoken);
        Assert.Equal(503m, run.Variable("http.his.status").AsNumber());
        Assert.True(run.Variable("http.his.bed").IsNull);
    }

    [Fact]
    public async Task Call_FailedWithoutTransition_EndsCall()
    {
        var json = Flow.Replace(", \"failed\": \"sorry\"", string.Empty, StringComparison.Ordinal)
            .Replace(",\n    { \"id\": \"sorry\", \"type\": \"hangup\", \"prompt\": { \"zh-CN\": \"暂时无法查询\", \"en-US\": \"Cannot look that up now\" } }", string.Empty, StringComparison.Ordinal);
        var run = await FlowRun.Of(json).StartAsync("en-US");

        await run.PressAsync("1");

        Assert.True(run.Session.Ended);
        Assert.Equal(["Hangup"], run.Verbs);
    }

    [Fact]
    public async Task Call_GarbageAnswer_KeepsOnlySafeFields()
    {
        var answer = Ok(("bed", "4"), ("status", "hacked"), ("a.b", "x"), ("<xml>", "x"), ("big", new string('x', 100_000)), ("none", null));
        var run = await FlowRun.Of(Flow, arrange: Answers(answer)).StartAsync("en-US");

        await run.PressAsync("1");

        Assert.Equal(200m, run.Variable("http.his.status").AsNumber());
        Assert.Equal(["http.his.bed", "http.his.none", "http.his.status"],
            run.Session.Variables.Keys.Where(k => k.StartsWith("http.", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(["Bed 4"], run.Spoken);
    }

    [Fact]
    public async Task Call_ConnectorThrows_GoesToFlowErrorStep()
    {
        var json = Flow.Replace("\"start\": \"pick\",", "\"start\": \"pick\", \"onError\": \"sorry\",", StringComparison.Ordinal);
        var run = await FlowRun.Of(json).StartAsync("en-US");
        run.World.Failure = new HttpRequestException("boom");

        await run.PressAsync("1");

        Assert.Contains(run.Session.Trace, t => t is { Step: "his", Event: "error" });
        Assert.Equal(["Cannot look that up now"], run.Spoken);
        Assert.True(run.Variable(FlowVariables.ErrorHandled).AsBoolean());
    }

    [Fact]
    public void Validate_BadFields_AreReported()
    {
        var errors = FlowRun.Errors(Flow
            .Replace("\"endpoint\": \"his\"", "\"endpoint\": \"billing\"", StringComparison.Ordinal)
            .Replace("\"timeoutSeconds\": 2", "\"timeoutSeconds\": 11, \"saveAs\": \"9x\"", StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "his", Field: "endpoint" } && e.Reason.Contains("his", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { StepId: "his", Field: "timeoutSeconds" });
        Assert.Contains(errors, e => e is { StepId: "his", Field: "saveAs" });
    }

    [Fact]
    public void Validate_StepIdNotAPrefixAndMissingNext_AreReported()
    {
        var errors = FlowRun.Errors(Flow
            .Replace("\"1\": \"his\"", "\"1\": \"his-lookup\"", StringComparison.Ordinal)
            .Replace("\"id\": \"his\"", "\"id\": \"his-lookup\"", StringComparison.Ordinal)
            .Replace("\"next\": \"ok\", ", string.Empty, StringComparison.Ordinal)
            .Replace(",\n    { \"id\": \"ok\", \"type\": \"say\", \"prompt\": { \"zh-CN\": \"床位 {http.his.bed}\", \"en-US\": \"Bed {http.his.bed}\" } }", string.Empty, StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "his-lookup", Field: "saveAs" } && e.Reason.Contains("his-lookup", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { StepId: "his-lookup", Field: "next" });
    }

    [Fact]
    public void Validate_MissingEndpoint_IsReported()
    {
        var errors = FlowRun.Errors(Flow.Replace("\"endpoint\": \"his\", ", string.Empty, StringComparison.Ordinal));

        Assert.Contains(errors, e => e is { StepId: "his", Field: "endpoint" } && e.Reason == "is required.");
    }
}
