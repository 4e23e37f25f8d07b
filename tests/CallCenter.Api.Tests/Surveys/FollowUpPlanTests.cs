using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentDesk.Contracts;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Core.Accounts;
using CallCenter.Core.FollowUps;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CallCenter.Api.Tests.Scheduling.SchedulingApi;

namespace CallCenter.Api.Tests.Surveys;

/// <summary>
/// Follow-up plans (回访): a completed visit makes the plan's call tasks (the consultant's, or the department's queue's)
/// and its SMS survey; agents list and work them (API and desk), with the questionnaire's answers; the report counts.
/// </summary>
public sealed class FollowUpPlanTests(SurveyFixture fixture) : IClassFixture<SurveyFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CompletedVisit_PlanMakesCallTasksAndAnSmsSurvey_AgentsWorkThem_ReportCounts(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var queue = await hub.AddQueueAsync();
        var (departmentId, doctorId) = await hub.AddDepartmentAsync();
        var questionnaire = await hub.CreateSurveyAsync(
            [SurveyTestData.Question("csat", "术后恢复满意吗？", "Satisfied with your recovery?"), SurveyTestData.Question("yes-no", "伤口疼吗？", "Does the wound hurt?")], []);
        var sms = await hub.CreateSurveyAsync([SurveyTestData.Question("nps", "一个月后，您愿意推荐我们吗？", "A month on, would you recommend us?")], []);
        using var admin = await hub.ClientAsync(Roles.Admin);
        var saved = await admin.PutAsJsonAsync($"/api/departments/{departmentId}/follow-up-plan", new
        {
            queue,
            steps = new object[] { new { day = 3, action = "call", surveyKey = questionnaire }, new { day = 30, action = "sms-survey", surveyKey = sms } },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await using var consultantDesk = await hub.ConnectAgentAsync();
        var withConsultant = await hub.AddPatientAsync(assignedTo: consultantDesk.User.Id);
        var withoutConsultant = await hub.AddPatientAsync();
        await hub.CompleteVisitAsync(withConsultant.Id, doctorId);
        await hub.CompleteVisitAsync(withoutConsultant.Id, doctorId);

        using var agent = await hub.ClientAsync(Roles.Agent);
        var agentList = await ListAsync(agent, $"departmentId={departmentId}");
        var consultantToken = await hub.TokenAsync(consultantDesk.User.UserName);
        using var consultant = hub.CreateClient();
        consultant.DefaultRequestHeaders.Authorization = new("Bearer", consultantToken);
        var consultantList = await ListAsync(consultant, $"departmentId={departmentId}");

        var queued = Assert.Single(agentList);
        Assert.Equal((withoutConsultant.Id, queue, "plan-call", questionnaire), (queued.GetProperty("patientId").GetGuid(), queued.GetProperty("queueName").GetString(), queued.GetProperty("kind").GetString(), queued.GetProperty("surveyKey").GetString()));
        Assert.Equal(hub.Now().AddDays(3), queued.GetProperty("dueAt").GetDateTime(), TimeSpan.FromSeconds(1));
        Assert.Equal(2, consultantList.Count);
        var assigned = Assert.Single(consultantList, f => f.GetProperty("patientId").GetGuid() == withConsultant.Id);
        Assert.Equal(consultantDesk.User.Id, assigned.GetProperty("assignedUserId").GetGuid());

        // The consultant, on the desk: the patient needs a doctor. Then, on day 3, the queue's task: no answer (a new
        // attempt time), then reached with the questionnaire's answers (a low CSAT opens a task).
        var needsDoctor = await consultantDesk.InvokeAsync(
            nameof(IAgentDeskHub.RecordFollowUpOutcomeAsync), new FollowUpOutcomeRequest(assigned.GetProperty("id").GetGuid(), "needs-doctor", "fever"));
        hub.Time.Advance(TimeSpan.FromDays(3));
        agent.DefaultRequestHeaders.Authorization = new("Bearer", (await hub.SignInAsAsync(Roles.Agent)).Token);
        var queuedId = queued.GetProperty("id").GetGuid();
        var missing = await agent.PostAsJsonAsync($"/api/follow-ups/{queuedId}/outcome", new { outcome = "no-answer" });
        var retry = await agent.PostAsJsonAsync($"/api/follow-ups/{queuedId}/outcome", new { outcome = "no-answer", nextAttemptAt = hub.Time.GetUtcNow().AddHours(4) });
        var badAnswers = await agent.PostAsJsonAsync($"/api/follow-ups/{queuedId}/outcome", new { outcome = "reached", answers = new[] { "7", "maybe" } });
        var reached = await agent.PostAsJsonAsync($"/api/follow-ups/{queuedId}/outcome", new { outcome = "reached", answers = new[] { "1", "否" }, note = "recovering" });
        var again = await agent.PostAsJsonAsync($"/api/follow-ups/{queuedId}/outcome", new { outcome = "reached" });

        Assert.Equal(["nextAttemptAt"], await FieldErrorsAsync(missing));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(["answers[0]", "answers[1]"], (await FieldErrorsAsync(badAnswers)).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, reached.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True(needsDoctor.Ok, needsDoctor.Reason);
        var detail = await agent.GetFromJsonAsync<JsonElement>($"/api/follow-ups/{queuedId}");
        Assert.Equal(("done", "reached", 2), (detail.GetProperty("followUp").GetProperty("status").GetString(), detail.GetProperty("followUp").GetProperty("outcome").GetString(), detail.GetProperty("attempts").GetArrayLength()));
        var answers = await hub.ResultsAsync($"survey={questionnaire}&trigger=agent-call&departmentId={departmentId}");
        Assert.Equal([(0, 1), (1, 0)], answers.EnumerateArray().Select(a => (a.GetProperty("questionIndex").GetInt32(), a.GetProperty("score").GetInt32())).Order());
        var recovery = Assert.Single(await hub.Services.GetRequiredService<IFollowUpRepository>().ForCallAsync("survey:" + answers[0].GetProperty("invitationId").GetGuid()));
        Assert.Equal(FollowUpKinds.ServiceRecovery, recovery.Kind);

        // Due: the service-recovery task the low CSAT opened; done: both plan calls, both reached, one problem found.
        using var supervisor = await hub.ClientAsync(Roles.Supervisor);
        var report = Assert.Single((await supervisor.GetFromJsonAsync<JsonElement>($"/api/follow-ups/report?departmentId={departmentId}")).EnumerateArray());
        Assert.Equal(
            (1, 0, 2, 2, 2, 1, 1.0),
            (report.GetProperty("due").GetInt32(), report.GetProperty("overdue").GetInt32(), report.GetProperty("done").GetInt32(), report.GetProperty("attempted").GetInt32(),
             report.GetProperty("reached").GetInt32(), report.GetProperty("problemsFound").GetInt32(), report.GetProperty("reachRate").GetDouble()));

        // Day 30: the plan's SMS survey reaches the phone through the outbox and the simulator.
        hub.Time.Advance(TimeSpan.FromDays(27));
        await hub.DispatchAsync();
        Assert.Contains(await hub.ThreadAsync(withoutConsultant.Phones[0].E164), m => m.Body.Contains("一个月后，您愿意推荐我们吗？", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Plan_BadSteps_Returns400NamingEachField_AndOverdueIsReported(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var (departmentId, doctorId) = await hub.AddDepartmentAsync();
        var queue = await hub.AddQueueAsync();
        using var admin = await hub.ClientAsync(Roles.Admin);
        var url = $"/api/departments/{departmentId}/follow-up-plan";

        var empty = await admin.PutAsJsonAsync(url, new { });
        var bad = await admin.PutAsJsonAsync(url, new
        {
            queue = "no-such-queue",
            steps = new object?[]
            {
                new { day = 0, action = "call" },
                new { day = 3, action = "fax" },
                new { day = 30, action = "sms-survey" },
                new { day = 7, action = "call", surveyKey = "no-such-survey" },
                null,
            },
        });
        var unknown = await admin.PutAsJsonAsync($"/api/departments/{Guid.NewGuid()}/follow-up-plan", new { queue, steps = Array.Empty<object>() });
        var supervisor = await hub.ClientAsync(Roles.Supervisor);
        var forbidden = await supervisor.PutAsJsonAsync(url, new { queue, steps = Array.Empty<object>() });
        supervisor.Dispose();

        Assert.Equal(["queue", "steps"], (await FieldErrorsAsync(empty)).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["queue", "steps[0].day", "steps[1].action", "steps[2].surveyKey", "steps[3].surveyKey", "steps[4]"],
            (await FieldErrorsAsync(bad)).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(url, new { queue, steps = new[] { new { day = 1, action = "call" } } })).StatusCode);
        await hub.CompleteVisitAsync((await hub.AddPatientAsync()).Id, doctorId);
        hub.Time.Advance(TimeSpan.FromDays(3));
        using var later = await hub.ClientAsync(Roles.Supervisor);
        var report = Assert.Single((await later.GetFromJsonAsync<JsonElement>($"/api/follow-ups/report?departmentId={departmentId}")).EnumerateArray());
        Assert.Equal((0, 1, 0), (report.GetProperty("due").GetInt32(), report.GetProperty("overdue").GetInt32(), report.GetProperty("done").GetInt32()));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("reachRate").ValueKind);
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/follow-ups?" + query);
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}
