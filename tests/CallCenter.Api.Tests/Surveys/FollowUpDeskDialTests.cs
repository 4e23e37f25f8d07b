using System.Net;
using System.Net.Http.Json;
using AgentDesk.Contracts;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Surveys;

/// <summary>
/// Working the follow-up call list from the desk hub, through the carrier simulator: a plan's call task after a
/// completed visit is on the agent's list; opened, it shows the patient and the questionnaire; dialled, the agent's
/// phone rings first and then the patient's (which answers); the outcome stores the answers, or a no-answer is due again.
/// </summary>
public sealed class FollowUpDeskDialTests(SurveyFixture fixture) : IClassFixture<SurveyFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task PlanCall_ListOpenDialReached_AnswersStored_NoAnswerDueAgainAtTheNewTime(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var queue = await hub.AddQueueAsync();
        var (departmentId, doctorId) = await hub.AddDepartmentAsync();
        var questionnaire = await hub.CreateSurveyAsync(
            [SurveyTestData.Question("csat", "术后恢复满意吗？", "Satisfied with your recovery?"), SurveyTestData.Question("yes-no", "伤口疼吗？", "Does the wound hurt?")], []);
        using var admin = await hub.ClientAsync(Roles.Admin);
        var saved = await admin.PutAsJsonAsync($"/api/departments/{departmentId}/follow-up-plan", new { queue, steps = new[] { new { day = 2, action = "call", surveyKey = questionnaire } } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var (agent, _) = await hub.SignInAsAsync(Roles.Agent);
        var reachedPatient = await hub.AddPatientAsync(assignedTo: agent.Id);
        var silentPatient = await hub.AddPatientAsync(assignedTo: agent.Id);
        await hub.CompleteVisitAsync(reachedPatient.Id, doctorId);
        await hub.CompleteVisitAsync(silentPatient.Id, doctorId);
        hub.Time.Advance(TimeSpan.FromDays(2));
        // Signed in on the day the calls are due (a token from two days ago has expired).
        await using var desk = await hub.ConnectAsync(agent, await hub.TokenAsync(agent.UserName));
        using var carrier = hub.CreateClient();
        var silentNumber = silentPatient.Phones[0].E164;
        Assert.Equal(HttpStatusCode.NoContent, (await carrier.PutAsJsonAsync("/simulator/far-ends/" + Uri.EscapeDataString(silentNumber), new { answer = "no-answer" })).StatusCode);

        var list = await ListAsync(desk);
        var task = Assert.Single(list, t => t.PatientId == reachedPatient.Id);
        var silentTask = Assert.Single(list, t => t.PatientId == silentPatient.Id);
        var detail = await desk.Connection.InvokeAsync<DeskFollowUpDetail?>(nameof(IAgentDeskHub.OpenFollowUpAsync), task.Id);
        var stranger = await desk.Connection.InvokeAsync<DeskFollowUpDetail?>(nameof(IAgentDeskHub.OpenFollowUpAsync), Guid.NewGuid());
        var dialled = await desk.InvokeAsync(nameof(IAgentDeskHub.DialFollowUpAsync), task.Id);
        var unknown = await desk.InvokeAsync(nameof(IAgentDeskHub.DialFollowUpAsync), Guid.NewGuid());

        Assert.Equal(("plan-call", questionnaire, 0), (task.Kind, task.SurveyKey, task.Attempts));
        Assert.DoesNotContain(reachedPatient.Phones[0].E164, task.Number, StringComparison.Ordinal);
        Assert.NotNull(detail);
        Assert.Equal(reachedPatient.Id, detail.ScreenPop.Patient?.Id);
        Assert.Equal(["术后恢复满意吗？", "伤口疼吗？"], detail.Questions.Select(q => q.Text));
        Assert.Contains("needs-doctor", detail.Outcomes);
        Assert.Null(stranger);
        Assert.True(dialled.Ok, dialled.Reason);
        Assert.Equal((false, DeskErrors.NotFound, "followUpId"), (unknown.Ok, unknown.Error, unknown.Field));
        var call = await Polling.UntilAsync(() => ReadCallAsync(carrier, dialled.CreatedId!), c => c.Lines("connected").Any(), "the patient connected");
        Assert.Equal("client:" + desk.User.UserName, call.To);
        Assert.Equal(reachedPatient.Phones[0].E164, call.Lines("connected").Single().Text);

        var reached = await desk.InvokeAsync(
            nameof(IAgentDeskHub.RecordFollowUpOutcomeAsync), new FollowUpOutcomeRequest(task.Id, "reached", "recovering well", ["5", "2"]));

        Assert.True(reached.Ok, reached.Reason);
        var answers = await hub.ResultsAsync($"survey={questionnaire}&trigger=agent-call&departmentId={departmentId}");
        Assert.Equal([(0, "5"), (1, "2")], answers.EnumerateArray().Select(a => (a.GetProperty("questionIndex").GetInt32(), a.GetProperty("answerText").GetString())).Order());
        var audit = await hub.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(PatientId: reachedPatient.Id), new PageRequest(1, 200));
        Assert.Contains(audit.Items, e => e.Operation == "desk.follow-up-dial" && e.Outcome == AuditOutcomes.Success);
        Assert.Contains(audit.Items, e => e.Operation == "patient.read");

        // The second patient does not answer: the agent records no-answer with a new time, and the task is due then.
        var silentDial = await desk.InvokeAsync(nameof(IAgentDeskHub.DialFollowUpAsync), silentTask.Id);
        Assert.True(silentDial.Ok, silentDial.Reason);
        var silentCall = await Polling.UntilAsync(() => ReadCallAsync(carrier, silentDial.CreatedId!), c => c.Lines("dial").Any(), "the patient dialled");
        Assert.Empty(silentCall.Lines("connected"));
        var missingTime = await desk.InvokeAsync(nameof(IAgentDeskHub.RecordFollowUpOutcomeAsync), new FollowUpOutcomeRequest(silentTask.Id, "no-answer"));
        var retryAt = hub.Time.GetUtcNow().AddHours(4);
        var noAnswer = await desk.InvokeAsync(nameof(IAgentDeskHub.RecordFollowUpOutcomeAsync), new FollowUpOutcomeRequest(silentTask.Id, "no-answer", NextAttemptAt: retryAt));

        Assert.Equal((false, "nextAttemptAt"), (missingTime.Ok, missingTime.Field));
        Assert.True(noAnswer.Ok, noAnswer.Reason);
        var after = await ListAsync(desk);
        Assert.DoesNotContain(after, t => t.Id == task.Id);
        var again = Assert.Single(after, t => t.Id == silentTask.Id);
        Assert.Equal((1, "no-answer"), (again.Attempts, again.LastOutcome));
        Assert.Equal(retryAt, again.DueAt!.Value, TimeSpan.FromSeconds(1));
    }

    private static async Task<IReadOnlyList<DeskFollowUpTask>> ListAsync(DeskClient desk) =>
        await desk.Connection.InvokeAsync<IReadOnlyList<DeskFollowUpTask>>(nameof(IAgentDeskHub.GetFollowUpsAsync));

    private static async Task<SimulatedCall> ReadCallAsync(HttpClient carrier, string callSid) =>
        (await carrier.GetFromJsonAsync<SimulatedCall>($"/simulator/calls/{callSid}"))!;

    private sealed record SimulatedCall(string CallSid, string To, string Status, IReadOnlyList<SimulatedLine> Transcript)
    {
        public IEnumerable<SimulatedLine> Lines(string kind) => Transcript.Where(l => l.Kind == kind);

        public override string ToString() => $"{CallSid} {Status}\n" + string.Join('\n', Transcript.Select(l => $"  {l.Kind}: {l.Text}"));
    }

    private sealed record SimulatedLine(string Kind, string Text);
}
