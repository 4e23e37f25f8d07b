using Ivr.Flows.Execution;
using Ivr.Flows.Services;
using Ivr.Flows.Tests.Support;
using Ivr.Flows.Values;

namespace Ivr.Flows.Tests.Steps;

public sealed class SplitStepTests
{
    private const string Vip = "+8613900000001";

    private const string Flow = """
        {
          "id": "t", "languages": ["en-US"], "start": "route",
          "calendars": { "main": { "hours": { "mon": ["08:00-17:00"] } } },
          "steps": [
            { "id": "route", "type": "split",
              "cases": [
                { "when": "call.from == '+8613900000001'", "next": "vip" },
                { "when": "queue.complaints.estimatedWait > 600 || queue.general.waiting >= 10", "next": "busy" },
                { "when": "hours.main && time.weekday == 'mon' && time.hhmm >= 1000 && time.date == '2026-11-23'", "next": "open" }
              ],
              "else": "other" },
            { "id": "vip", "type": "hangup", "prompt": { "en-US": "vip" } },
            { "id": "busy", "type": "hangup", "prompt": { "en-US": "busy" } },
            { "id": "open", "type": "hangup", "prompt": { "en-US": "open" } },
            { "id": "other", "type": "hangup", "prompt": { "en-US": "other" } }
          ]
        }
        """;

    [Fact]
    public async Task Execute_FirstTrueCaseWins_AndTracesItsIndex()
    {
        var run = await FlowRun.Of(Flow, arrange: w => w.QueueStatuses["complaints"] = new QueueStatus("complaints", 9, 0, 900, 300))
            .StartAsync(from: Vip);

        Assert.Equal(["vip"], run.Spoken);
        Assert.Contains(run.Session.Trace, t => t is { Step: "route", Event: "case", Detail: "cases[0]" });
    }

    [Fact]
    public async Task Execute_QueueFigures_AreReadLive()
    {
        var run = await FlowRun.Of(Flow, arrange: w => w.QueueStatuses["complaints"] = new QueueStatus("complaints", 9, 0, 900, 300))
            .StartAsync();

        Assert.Equal(["busy"], run.Spoken);
        Assert.Contains(run.Session.Trace, t => t is { Event: "case", Detail: "cases[1]" });
    }

    [Fact]
    public async Task Execute_TimeAndHours_InTheFlowsTimeZone()
    {
        // 10:00 on Monday 23 November in Shanghai: the calendar is open.
        var run = await FlowRun.Of(Flow).StartAsync();

        Assert.Equal(["open"], run.Spoken);
        Assert.Contains(run.Session.Trace, t => t is { Event: "case", Detail: "cases[2]" });
    }

    [Fact]
    public async Task Execute_NoCaseTrue_TakesElse()
    {
        // 18:00 in Shanghai: closed.
        var run = await FlowRun.Of(Flow, new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)).StartAsync();

        Assert.Equal(["other"], run.Spoken);
        Assert.Contains(run.Session.Trace, t => t is { Event: "case", Detail: "else" });
    }

    [Fact]
    public async Task Execute_QueueLineFails_LandsInErrorPath()
    {
        var run = FlowRun.Of(Flow);
        run.World.Failure = new InvalidOperationException("queue desk down");

        await run.StartAsync(from: Vip);

        Assert.True(run.Session.Ended);
        Assert.Contains(run.Session.Trace, t => t is { Step: "route", Event: "error" });
        Assert.Contains("Sorry", Assert.Single(run.Spoken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_NoQueueNamed_DoesNotAskTheQueueLine()
    {
        var flow = Flow.Replace("queue.complaints.estimatedWait > 600 || queue.general.waiting >= 10", "false", StringComparison.Ordinal);
        var run = FlowRun.Of(flow);
        run.World.Failure = new InvalidOperationException("every port fails");

        await run.StartAsync(from: Vip);

        Assert.Equal(["vip"], run.Spoken);
    }

    [Fact]
    public async Task Execute_ManyCallsAtOnce_ShareOneParsedFlow()
    {
        var run = FlowRun.Of(Flow);
        var starts = Enumerable.Range(0, 32).Select(i => Task.Run(() => FlowEngine.StartAsync(
            run.Flow, "v1", new FlowStart($"CA{i}", new Dictionary<string, FlowValue> { [FlowVariables.From] = FlowValue.From(i % 2 == 0 ? Vip : "+8613700000000") }, "en-US", null),
            run.World.Services, FlowRun.Links, CancellationToken.None)));

        var turns = await Task.WhenAll(starts);

        Assert.All(turns.Select((t, i) => (t, i)), p => Assert.Equal(p.i % 2 == 0 ? "vip" : "open", p.t.Session.CurrentStep));
    }

    [Theory]
    [InlineData("call.from == '+8613900000001'", "(call.from == 1", "cases[0].when", "at column 16: expected ')'")]
    [InlineData("queue.complaints.estimatedWait", "queue.nowhere.estimatedWait", "cases[1].when", "unknown queue 'nowhere'")]
    [InlineData("queue.complaints.estimatedWait", "queue.complaints.mood", "cases[1].when", "unknown queue figure 'mood'")]
    [InlineData("hours.main", "hours.weekend", "cases[2].when", "unknown calendar 'weekend'")]
    [InlineData("time.hhmm", "time.second", "cases[2].when", "unknown time figure 'second'")]
    [InlineData("\"next\": \"vip\"", "\"next\": \"nowhere\"", "cases[0].next", "unknown step 'nowhere'")]
    [InlineData("\"else\": \"other\"", "", "else", "is required")]
    [InlineData("\"when\": \"call.from == '+8613900000001'\", ", "", "cases[0].when", "is required")]
    public void Validate_Errors_NameStepAndField(string find, string replace, string field, string reason)
    {
        var errors = FlowRun.Errors(Flow.Replace(find, replace, StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StepId == "route" && e.Field == field && e.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoCases_IsAnError()
    {
        var flow = """
            { "id": "t", "languages": ["en-US"], "start": "s",
              "steps": [ { "id": "s", "type": "split", "cases": [], "else": "e" }, { "id": "e", "type": "hangup" } ] }
            """;

        Assert.Contains(FlowRun.Errors(flow), e => e is { StepId: "s", Field: "cases" });
    }
}
