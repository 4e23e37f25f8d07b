using Ivr.Flows.Tests.Support;
using Ivr.Flows.Values;

namespace Ivr.Flows.Tests.Steps;

public sealed class SetStepTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["en-US"], "start": "set",
          "steps": [
            { "id": "set", "type": "set",
              "variables": {
                "route": "'priority'",
                "tags": "['a', 'b']",
                "busy": "queue.general.waiting > 10",
                "late": "time.hour >= 18",
                "hhmm": "time.hhmm",
                "priority": "route == 'priority' && tags contains 'b'",
                "nothing": "no.such.variable"
              },
              "next": "bye" },
            { "id": "bye", "type": "hangup", "prompt": { "en-US": "Route {route}" } }
          ]
        }
        """;

    [Fact]
    public async Task Execute_SetsValuesInOrder_LaterReadingEarlier()
    {
        var run = await FlowRun.Of(Flow).StartAsync();

        Assert.Equal(FlowValue.From("priority"), run.Variable("route"));
        Assert.Equal(FlowValue.From(["a", "b"]), run.Variable("tags"));
        Assert.Equal(FlowValue.False, run.Variable("busy"));
        Assert.Equal(FlowValue.False, run.Variable("late"));
        Assert.Equal(FlowValue.From(1000), run.Variable("hhmm"));
        Assert.Equal(FlowValue.True, run.Variable("priority"));
        Assert.Equal(FlowValue.Null, run.Variable("nothing"));
        Assert.Equal(["Route priority"], run.Spoken);
    }

    [Fact]
    public async Task Execute_QueueLineFails_LandsInErrorPath()
    {
        var run = FlowRun.Of(Flow);
        run.World.Failure = new TimeoutException("database down");

        await run.StartAsync();

        Assert.True(run.Session.Ended);
        Assert.Contains(run.Session.Trace, t => t is { Step: "set", Event: "error" });
        Assert.Equal(FlowValue.Null, run.Variable("route"));
    }

    [Theory]
    [InlineData("\"route\": \"'priority'\"", "\"9route\": \"'priority'\"", "variables.9route", "a variable name")]
    [InlineData("\"route\": \"'priority'\"", "\"time.hour\": \"1\"", "variables.time.hour", "choose another name")]
    [InlineData("\"route\": \"'priority'\"", "\"queue.general.waiting\": \"1\"", "variables.queue.general.waiting", "choose another name")]
    [InlineData("\"route\": \"'priority'\"", "\"route\": \"priority'\"", "variables.route", "at column 9: the text starting here has no closing '")]
    [InlineData("\"route\": \"'priority'\"", "\"route\": \"\"", "variables.route", "is required")]
    [InlineData("queue.general.waiting", "queue.missing.waiting", "variables.busy", "unknown queue 'missing'")]
    [InlineData("\"next\": \"bye\"", "\"next\": \"gone\"", "next", "unknown step 'gone'")]
    public void Validate_Errors_NameStepAndField(string find, string replace, string field, string reason)
    {
        var errors = FlowRun.Errors(Flow.Replace(find, replace, StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StepId == "set" && e.Field == field && e.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_QueueName_IsAnOrdinaryVariable()
    {
        var errors = FlowRun.Errors(Flow.Replace("\"route\": \"'priority'\"", "\"queue.name\": \"'general'\"", StringComparison.Ordinal)
            .Replace("route == 'priority'", "queue.name == 'general'", StringComparison.Ordinal)
            .Replace("{route}", "{queue.name}", StringComparison.Ordinal));

        Assert.Empty(errors);
    }
}
