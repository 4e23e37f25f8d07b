using System.Net.Http.Json;
using AgentDesk.Contracts;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Cases;
using CallCenter.Core.FollowUps;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Surveys;

/// <summary>
/// Surveys end to end: the trigger opens an invitation, the outbox texts its first question through the carrier
/// simulator, the simulator's phone answers through the hub's SMS webhook and the shipped SMS flow, question by question;
/// the answers are listed with their call, agent, queue, department and doctor, and a low score opens a task.
/// </summary>
public sealed class SurveyEndToEndTests(SurveyFixture fixture) : IClassFixture<SurveyFixture>
{
    private const string Thanks = "【医院】感谢您的评价！";

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task DeskCall_WrappedUp_SurveyAnsweredBySms_ResultsListedAndLowScoreOpensATask(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var queue = await hub.AddQueueAsync();
        await hub.CreateSurveyAsync(
            [
                SurveyTestData.Question("csat", "您对本次通话满意吗？", "How satisfied are you with the call?"),
                SurveyTestData.Question("nps", "您愿意向亲友推荐我们吗？", "Would you recommend us?"),
                SurveyTestData.Question("text", "还有什么建议？", "Anything else?"),
            ],
            [new { kind = "desk-call", queue }]);
        var patient = await hub.AddPatientAsync();
        var phone = patient.Phones[0].E164;
        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();
        var callSid = await hub.EnqueueAsync(queue, patient.Id);
        var offer = await desk.OfferForAsync(callSid);
        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId)).Ok);
        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.HangUpAsync), callSid)).Ok);
        await Polling.UntilAsync(() => Task.FromResult(desk.Ended.Any(e => e.CallSid == callSid)), ended => ended, "call ended");
        var wrapped = await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), new WrapUpRequest(callSid, "resolved"));
        Assert.True(wrapped.Ok, wrapped.Reason);

        await hub.DispatchAsync();
        var question = Assert.Single(await hub.ThreadAsync(phone));
        var reask = await hub.TextAsync(phone, "9");
        var second = await hub.TextAsync(phone, "２");
        var third = await hub.TextAsync(phone, "10");
        var thanks = await hub.TextAsync(phone, "The wait was long");

        Assert.Equal((SurveyFixture.SmsFrom, "医院：您对本次通话满意吗？（请回复1-5，5为非常满意）"), (question.From, question.Body));
        Assert.Equal("抱歉，未能识别您的回复。您对本次通话满意吗？（请回复1-5，5为非常满意）", reask);
        Assert.Equal("您愿意向亲友推荐我们吗？（请回复0-10，10为非常愿意）", second);
        Assert.Equal("还有什么建议？", third);
        Assert.Equal(Thanks, thanks);

        var results = await hub.ResultsAsync($"callSid={callSid}");
        Assert.Equal(
            [(0, "csat", 2, "２"), (1, "nps", 10, "10"), (2, "text", (int?)null, "The wait was long")],
            results.EnumerateArray().Select(r => (
                r.GetProperty("questionIndex").GetInt32(), r.GetProperty("questionType").GetString(),
                r.GetProperty("score").ValueKind == System.Text.Json.JsonValueKind.Null ? (int?)null : r.GetProperty("score").GetInt32(),
                r.GetProperty("answerText").GetString())).OrderBy(r => r.Item1));
        Assert.All(results.EnumerateArray(), r => Assert.Equal(
            (desk.User.Id, queue, patient.Id),
            (r.GetProperty("agentId").GetGuid(), r.GetProperty("queueName").GetString(), r.GetProperty("patientId").GetGuid())));
        Assert.Equal(3, (await hub.ResultsAsync($"agentId={desk.User.Id}&queue={queue}")).GetArrayLength());
        Assert.Equal(0, (await hub.ResultsAsync($"queue={queue}&from=2030-01-01T00:00:00Z")).GetArrayLength());

        // CSAT 2 is low: one service-recovery task for supervisors with the contact's context.
        var invitationId = results[0].GetProperty("invitationId").GetGuid();
        var task = Assert.Single(await hub.Services.GetRequiredService<IFollowUpRepository>().ForCallAsync("survey:" + invitationId));
        Assert.Equal((FollowUpKinds.ServiceRecovery, patient.Id, queue, FollowUpStatuses.Open), (task.Kind, task.PatientId, task.QueueName, task.Status));
        Assert.Contains($"scored 2 after desk-call call {callSid}", task.Note, StringComparison.Ordinal);

        // And a complaint case, once for that answer, in the patient's screen-pop list of open complaints.
        var cases = hub.Services.GetRequiredService<ICaseRepository>();
        var opened = await cases.FindByOriginAsync($"survey:{invitationId:N}:0");
        Assert.NotNull(opened);
        Assert.Equal((CaseSources.Survey, patient.Id, CaseStatuses.Open), (opened.Source, opened.PatientId, opened.Status));
        Assert.Equal(opened.Id, Assert.Single(await cases.ActiveForPatientAsync(patient.Id)).Id);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Results_AsCsv_ByQueryOrAcceptHeader(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var (departmentId, doctorId) = await hub.AddDepartmentAsync();
        await hub.CreateSurveyAsync([SurveyTestData.Question("yes-no", "医生解释清楚了吗？", "Did the doctor explain clearly?")], [new { kind = "visit-completed", departmentId }]);
        var patient = await hub.AddPatientAsync();
        await hub.CompleteVisitAsync(patient.Id, doctorId);
        await hub.DispatchAsync();
        Assert.Equal(Thanks, await hub.TextAsync(patient.Phones[0].E164, "是"));

        using var supervisor = await hub.ClientAsync(Roles.Supervisor);
        var byQuery = await supervisor.GetStringAsync($"/api/surveys/results?departmentId={departmentId}&format=csv");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/surveys/results?doctorId={doctorId}");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await supervisor.SendAsync(request);

        var lines = byQuery.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("answer_id,received_at,survey_key", lines[0], StringComparison.Ordinal);
        Assert.Contains($",yes-no,1,是,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($",{departmentId},{doctorId},{lines[1].Split(',')[^1]}", lines[1], StringComparison.Ordinal);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(byQuery, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task VisitCompleted_SurveyIsDueHoursLater_NpsAnsweredAndLowScoreOpensATask(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var (departmentId, doctorId) = await hub.AddDepartmentAsync();
        await hub.CreateSurveyAsync([SurveyTestData.Question("nps", "您愿意推荐本院吗？", "Would you recommend us?")], [new { kind = "visit-completed", departmentId, delayHours = 2 }]);
        var patient = await hub.AddPatientAsync();
        var phone = patient.Phones[0].E164;
        var appointmentId = await hub.CompleteVisitAsync(patient.Id, doctorId);

        await hub.DispatchAsync();
        var early = (await hub.ThreadAsync(phone)).Count(m => m.Body.Contains("推荐本院", StringComparison.Ordinal));
        hub.Time.Advance(TimeSpan.FromHours(2));
        await hub.DispatchAsync();
        var sent = Assert.Single(await hub.ThreadAsync(phone), m => m.Body.Contains("推荐本院", StringComparison.Ordinal));
        var answer = await hub.TextAsync(phone, "3");

        Assert.Equal(0, early);
        Assert.Equal("医院：您愿意推荐本院吗？（请回复0-10，10为非常愿意）", sent.Body);
        Assert.Equal(Thanks, answer);
        var result = Assert.Single((await hub.ResultsAsync($"departmentId={departmentId}&trigger=visit-completed")).EnumerateArray());
        Assert.Equal((3, doctorId, appointmentId), (result.GetProperty("score").GetInt32(), result.GetProperty("doctorId").GetGuid(), result.GetProperty("appointmentId").GetGuid()));
        var task = Assert.Single(await hub.Services.GetRequiredService<IFollowUpRepository>().ForCallAsync("survey:" + result.GetProperty("invitationId").GetGuid()));
        Assert.Equal((FollowUpKinds.ServiceRecovery, departmentId), (task.Kind, task.DepartmentId));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task LateReply_AfterTheSurveyExpired_IsToldItClosed_ThenTextsGoToAnAgent(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var (departmentId, doctorId) = await hub.AddDepartmentAsync();
        await hub.CreateSurveyAsync([SurveyTestData.Question("csat", "您对就诊满意吗？", "Were you satisfied?")], [new { kind = "visit-completed", departmentId }]);
        var patient = await hub.AddPatientAsync();
        var phone = patient.Phones[0].E164;
        await hub.CompleteVisitAsync(patient.Id, doctorId);
        await hub.DispatchAsync();

        hub.Time.Advance(TimeSpan.FromHours(25));
        var late = await hub.TextAsync(phone, "5");
        var later = await hub.TextAsync(phone, "5");

        Assert.Equal("抱歉，本次满意度调查已结束。感谢您的回复。", late);
        Assert.Equal("【医院】已收到您的消息，客服将尽快回复。", later);
        Assert.Equal(0, (await hub.ResultsAsync($"departmentId={departmentId}")).GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SecondVisit_WithinTheFrequencyPeriod_SendsNoSecondSurvey(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var (departmentId, doctorId) = await hub.AddDepartmentAsync();
        await hub.CreateSurveyAsync([SurveyTestData.Question("csat", "您对复诊满意吗？", "Were you satisfied with the visit?")], [new { kind = "visit-completed", departmentId }]);
        var patient = await hub.AddPatientAsync();
        var phone = patient.Phones[0].E164;

        await hub.CompleteVisitAsync(patient.Id, doctorId);
        await hub.DispatchAsync();
        Assert.Equal(Thanks, await hub.TextAsync(phone, "4"));
        hub.Time.Advance(TimeSpan.FromDays(3));
        await hub.CompleteVisitAsync(patient.Id, doctorId);
        await hub.DispatchAsync();
        var afterSecond = (await hub.ThreadAsync(phone)).Count(m => m.Body.Contains("复诊满意", StringComparison.Ordinal));
        hub.Time.Advance(TimeSpan.FromDays(28));
        await hub.CompleteVisitAsync(patient.Id, doctorId);
        await hub.DispatchAsync();
        var afterPeriod = (await hub.ThreadAsync(phone)).Count(m => m.Body.Contains("复诊满意", StringComparison.Ordinal));

        Assert.Equal(1, afterSecond);
        Assert.Equal(2, afterPeriod);
    }
}
