using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using CallCenter.Testing.Wallboard;

namespace CallCenter.Api.Tests.Reports;

/// <summary>
/// The interval reports over docs/wallboard.md's worked example (seeded through IQueueEventLog and agent_state_event
/// rows); every expected value is computed by hand in the document's "Interval reports" section.
/// </summary>
public sealed class ReportEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private async Task<(ApiFactory Hub, SignedInClient Supervisor, WallboardWorkedExample Example)> SeededAsync(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        if (hub.Time.GetUtcNow() < WallboardWorkedExample.Now)
        {
            hub.Time.SetUtcNow(WallboardWorkedExample.Now);
        }

        var example = await WallboardWorkedExample.SeedAsync(hub.Services);
        return (hub, await hub.SignInAsAsync(Roles.Supervisor), example);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Queues_HalfHourIntervals_MatchHandComputed(string engine)
    {
        var (_, supervisor, example) = await SeededAsync(engine);

        var report = await supervisor.Client.GetFromJsonAsync<ReportDto<QueueRowDto>>(
            $"/api/reports/queues?from=2026-11-23&to=2026-11-23&interval=30&queue={example.Queue}");

        Assert.Equal(("Asia/Shanghai", 30), (report!.TimeZone, report.IntervalMinutes));
        Assert.Equal((new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(8))), (report.From, report.To));
        Assert.Equal(2, report.Rows.Count);
        var first = report.Rows[0];
        Assert.Equal((example.Queue, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(8))),
            (first.Queue, first.IntervalStart, first.IntervalEnd));
        Assert.Equal((4, 2, 1, 2, 1, 0, 0), (first.Offered, first.Answered, first.AnsweredWithinThreshold, first.Abandoned, first.ShortAbandoned, first.TimedOut, first.CallbacksRequested));
        Assert.Equal(100.0 / 3, first.ServiceLevelPercent!.Value, 6); // 1 ÷ (2 + 2 − 1)
        Assert.Equal(20.0, first.AverageSpeedOfAnswerSeconds!.Value, 6); // (10 + 30) ÷ 2
        Assert.Equal(255.0, first.AverageHandleSeconds!.Value, 6); // (180 + 240 + 30 + 60) ÷ 2
        Assert.Equal(100.0 / 3, first.AbandonRatePercent!.Value, 6); // (2 − 1) ÷ (4 − 1)
        Assert.Equal(45.0, first.LongestWaitSeconds);
        var second = report.Rows[1];
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(8)), second.IntervalStart);
        Assert.Equal((4, 1, 1, 0, 1, 1), (second.Offered, second.Answered, second.AnsweredWithinThreshold, second.Abandoned, second.TimedOut, second.CallbacksRequested));
        Assert.Equal((100.0, 15.0, 150.0, 0.0, 600.0), (second.ServiceLevelPercent, second.AverageSpeedOfAnswerSeconds, second.AverageHandleSeconds, second.AbandonRatePercent, second.LongestWaitSeconds));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Queues_FormatCsv_HeaderAndInvariantNumbers(string engine)
    {
        var (_, supervisor, example) = await SeededAsync(engine);

        var response = await supervisor.Client.GetAsync($"/api/reports/queues?from=2026-11-23T09:00&to=2026-11-23T10:00&interval=60&queue={example.Queue}&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal(
            "queue,interval_start,interval_end,offered,answered,answered_within_threshold,abandoned,short_abandoned,timed_out,overflowed,"
            + "callbacks_requested,service_level_percent,average_speed_of_answer_seconds,average_handle_seconds,abandon_rate_percent,longest_wait_seconds",
            lines[0]);

        // The worked example's "today": 8 offered, SL 2 ÷ 4, ASA 55 ÷ 3, AHT 660 ÷ 3, abandon rate 1 ÷ 7.
        Assert.Equal($"{example.Queue},2026-11-23T09:00:00+08:00,2026-11-23T10:00:00+08:00,8,3,2,2,1,1,0,1,50,18.333,220,14.286,600", lines[1]);
        Assert.Equal([""], lines[2..]); // every line ends in CRLF, the last one too
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Agents_HourIntervals_StateTimesCutAtTheHour(string engine)
    {
        var (_, supervisor, example) = await SeededAsync(engine);

        var report = await supervisor.Client.GetFromJsonAsync<ReportDto<AgentRowDto>>(
            $"/api/reports/agents?from=2026-11-23&to=2026-11-23&interval=60&agent={example.AgentX}");

        Assert.Equal(2, report!.Rows.Count);
        var eight = report.Rows[0];
        Assert.Equal((example.AgentX, "Agent \"X\", senior", new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(8))), (eight.AgentId, eight.AgentName, eight.IntervalStart));
        Assert.Equal((0, (double?)null, 1800.0, 0.0, 0.0, 0.0, 0.0), (eight.Handled, eight.AverageHandleSeconds, eight.AvailableSeconds, eight.OnCallSeconds, eight.WrapUpSeconds, eight.BreakSeconds, eight.OccupancyPercent));

        // 09:00–10:00 (now): 2,025 s available, 555 on a call, 120 wrap-up, 900 break; AHT (540 + 120) ÷ 3.
        var nine = report.Rows[1];
        Assert.Equal((3, 220.0, 540.0), (nine.Handled, nine.AverageHandleSeconds, nine.TalkSeconds));
        Assert.Equal((2025.0, 555.0, 120.0, 900.0), (nine.AvailableSeconds, nine.OnCallSeconds, nine.WrapUpSeconds, nine.BreakSeconds));
        Assert.Equal(25.0, nine.OccupancyPercent!.Value, 6); // 675 ÷ 2,700
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Agents_AcceptCsv_QuotesANameWithCommaAndQuote(string engine)
    {
        var (_, supervisor, example) = await SeededAsync(engine);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/agents?from=2026-11-23&to=2026-11-23&interval=60&agent={example.AgentX}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));

        var response = await supervisor.Client.SendAsync(request);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("agent_id,agent_name,interval_start,interval_end,handled,average_handle_seconds,talk_seconds,wrap_up_seconds,break_seconds,available_seconds,on_call_seconds,occupancy_percent", lines[0]);
        Assert.Equal($"{example.AgentX},\"Agent \"\"X\"\", senior\",2026-11-23T08:00:00+08:00,2026-11-23T09:00:00+08:00,0,,0,0,0,1800,0,0", lines[1]);
        Assert.Equal($"{example.AgentX},\"Agent \"\"X\"\", senior\",2026-11-23T09:00:00+08:00,2026-11-23T10:00:00+08:00,3,220,540,120,900,2025,555,25", lines[2]);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Queues_BadInput_Returns400NamingEachField(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);

        foreach (var (query, field) in new[]
        {
            ("from=2026-11-24&to=2026-11-23&interval=15", "from"),
            ("from=2026-01-01&to=2026-04-30&interval=60", "to"),
            ("from=2026-11-23&to=2026-11-23&interval=20", "interval"),
            ("from=2026-11-23&to=2026-11-23&interval=abc", "interval"),
            ("from=2026-11-23&to=2026-11-23", "interval"),
            ("to=2026-11-23&interval=15", "from"),
            ("from=23/11/2026&to=2026-11-23&interval=15", "from"),
            ("from=2026-11-23&to=2026-11-23&interval=15&queue=no-such-queue", "queue"),
            ("from=2026-11-23&to=2026-11-23&interval=15&queue=Bad Name!", "queue"),
        })
        {
            var response = await supervisor.Client.GetAsync("/api/reports/queues?" + query);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {response.StatusCode}");
            Assert.Equal([field], await ProblemReader.FieldsAsync(response));
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Agents_UnknownAgent_Returns400NamingAgent(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);

        var response = await supervisor.Client.GetAsync($"/api/reports/agents?from=2026-11-23&to=2026-11-23&interval=15&agent={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["agent"], await ProblemReader.FieldsAsync(response));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Reports_AsAgent_Return403(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        var queues = await agent.Client.GetAsync("/api/reports/queues?from=2026-11-23&to=2026-11-23&interval=15");
        var agents = await agent.Client.GetAsync("/api/reports/agents?from=2026-11-23&to=2026-11-23&interval=15");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (queues.StatusCode, agents.StatusCode));
    }

    private sealed record ReportDto<TRow>(string TimeZone, DateTimeOffset From, DateTimeOffset To, int IntervalMinutes, List<TRow> Rows);

    private sealed record QueueRowDto(
        string Queue, DateTimeOffset IntervalStart, DateTimeOffset IntervalEnd, int Offered, int Answered, int AnsweredWithinThreshold, int Abandoned,
        int ShortAbandoned, int TimedOut, int Overflowed, int CallbacksRequested, double? ServiceLevelPercent, double? AverageSpeedOfAnswerSeconds,
        double? AverageHandleSeconds, double? AbandonRatePercent, double? LongestWaitSeconds);

    private sealed record AgentRowDto(
        Guid AgentId, string AgentName, DateTimeOffset IntervalStart, DateTimeOffset IntervalEnd, int Handled, double? AverageHandleSeconds,
        double TalkSeconds, double WrapUpSeconds, double BreakSeconds, double AvailableSeconds, double OnCallSeconds, double? OccupancyPercent);
}
