using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Steps;

public sealed class HoursStepTests
{
    private const string Flow = """
        {
          "id": "t", "languages": ["en-US"], "start": "hours",
          "calendars": {
            "main": { "hours": { "mon": ["08:00-12:00", "13:00-17:30"], "tue": ["08:00-17:30"] }, "holidays": ["2026-11-24"] },
            "london": { "timeZone": "Europe/London", "hours": { "mon": ["09:00-17:00"] } }
          },
          "steps": [
            { "id": "hours", "type": "hours", "calendar": "main", "open": "open", "closed": "closed" },
            { "id": "open", "type": "hangup", "prompt": { "en-US": "open" } },
            { "id": "closed", "type": "hangup", "prompt": { "en-US": "closed" } }
          ]
        }
        """;

    [Theory]
    [InlineData(2026, 11, 23, 2, 0, "open")] // Monday 10:00 Shanghai
    [InlineData(2026, 11, 23, 4, 30, "closed")] // Monday 12:30, lunch
    [InlineData(2026, 11, 23, 9, 30, "closed")] // Monday 17:30, closing time
    [InlineData(2026, 11, 24, 2, 0, "closed")] // Tuesday 10:00, a holiday
    [InlineData(2026, 11, 25, 2, 0, "closed")] // Wednesday, no hours
    public async Task Execute_GoesOpenOrClosed(int year, int month, int day, int hour, int minute, string expected)
    {
        var run = await FlowRun.Of(Flow, new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero)).StartAsync();

        Assert.Equal([expected], run.Spoken);
        Assert.Contains(run.Session.Trace, t => t is { Step: "hours", Event: "hours" } && t.Detail == expected);
    }

    [Fact]
    public async Task Execute_CalendarTimeZone_WinsOverTheFlows()
    {
        // 10:00 in Shanghai is 02:00 in London: closed there.
        var run = await FlowRun.Of(Flow.Replace("\"calendar\": \"main\"", "\"calendar\": \"london\"", StringComparison.Ordinal)).StartAsync();

        Assert.Equal(["closed"], run.Spoken);
    }

    [Theory]
    [InlineData("\"calendar\": \"main\"", "\"calendar\": \"weekend\"", "calendar", "unknown calendar 'weekend'")]
    [InlineData("\"calendar\": \"main\", ", "", "calendar", "is required")]
    [InlineData("\"open\": \"open\", ", "", "open", "is required")]
    [InlineData("\"closed\": \"closed\"", "\"closed\": \"nowhere\"", "closed", "unknown step")]
    public void Validate_Errors_NameStepAndField(string find, string replace, string field, string reason)
    {
        var errors = FlowRun.Errors(Flow.Replace(find, replace, StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StepId == "hours" && e.Field == field && e.Reason.Contains(reason, StringComparison.Ordinal));
    }
}
