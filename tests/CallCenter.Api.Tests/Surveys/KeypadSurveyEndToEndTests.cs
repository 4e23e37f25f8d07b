using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AgentDesk.Contracts;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Cases;
using CallCenter.Core.FollowUps;
using CallCenter.Core.Patients;
using CallCenter.Core.Surveys;
using CallCenter.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Notifications.Outbox;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Signatures;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Tests.Surveys;

/// <summary>
/// The keypad survey end to end, nothing replaced: a known patient calls the shipped hotline through the carrier
/// simulator, an agent's desk accepts, the simulator connects them; the agent's phone hangs up first, Twilio's Dial
/// action (as the simulator requests it) keeps the caller for the survey of the queue's keypad trigger, and the caller
/// answers with keys. The answers are listed with call, agent and queue; a low score opens the service-recovery task
/// and the complaint case; a repeated keypress webhook changes nothing.
/// </summary>
public sealed class KeypadSurveyEndToEndTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AgentHangsUpFirst_CallerAnswersWithKeys_ResultsListedLowScoreOpensTaskRepeatStoresOnce(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine);
        var data = await HotlineData.SignInAsync(hub.Factory);
        await CreateSurveyAsync(hub, SurveyChannels.Keypad);
        var number = UniqueData.ChinaMobile();
        var patientId = await data.AddPatientAsync("林晓红", number, "zh-CN");
        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();
        using var carrier = hub.CreateHttpClient();

        var phone = await CallAndTalkAsync(carrier, desk, number);
        await HangUpAgentLegAsync(carrier, phone);
        var asked = await phone.PressAsync("9");      // CSAT: not 1-5, asked again
        await phone.PressAsync("2");                  // CSAT 2 (low); the text question is skipped
        await phone.PressAsync("10");                 // NPS 10
        await phone.PressAsync("1");                  // yes
        var ended = await phone.WaitForStatusAsync("completed");

        Assert.Equal(
            [
                ("感谢您的来电。请留在线上，用电话按键完成一个简短的满意度调查。", "zh-CN"),
                ("您对本次通话满意吗？请按1到5，5为非常满意。", "zh-CN"),
            ],
            asked.Said.TakeLast(2).Select(l => (l.Text, l.Language)));
        var said = ended.Said.Select(l => l.Text).ToList();
        Assert.Contains("抱歉，未能识别您的按键。", said);
        Assert.Contains("您愿意向亲友推荐我们吗？请按0到10，然后按井号键。", said);
        Assert.Contains("医生解释清楚了吗？是请按1，否请按2。", said);
        Assert.Equal("感谢您的评价，再见。", said[^1]);
        Assert.DoesNotContain(said, s => s.Contains("还有什么建议", StringComparison.Ordinal));
        Assert.DoesNotContain(ended.Transcript, l => l.Kind == "error");

        var results = await ResultsAsync(data, phone.CallSid);
        Assert.Equal(
            [(0, "csat", (int?)2, "2"), (2, "nps", 10, "10"), (3, "yes-no", 1, "1")],
            results.Select(r => (
                r.GetProperty("questionIndex").GetInt32(), r.GetProperty("questionType").GetString(),
                r.GetProperty("score").ValueKind == JsonValueKind.Null ? (int?)null : r.GetProperty("score").GetInt32(),
                r.GetProperty("answerText").GetString())).OrderBy(r => r.Item1));
        Assert.All(results, r => Assert.Equal(
            (desk.User.Id, "general", patientId, "desk-call"),
            (r.GetProperty("agentId").GetGuid(), r.GetProperty("queueName").GetString(), r.GetProperty("patientId").GetGuid(), r.GetProperty("triggerKind").GetString())));

        // CSAT 2 is low: the same service-recovery task and complaint case as an SMS answer.
        var invitationId = results[0].GetProperty("invitationId").GetGuid();
        var followUps = hub.Factory.Services.GetRequiredService<IFollowUpRepository>();
        var task = Assert.Single(await followUps.ForCallAsync("survey:" + invitationId));
        Assert.Equal((FollowUpKinds.ServiceRecovery, patientId, "general"), (task.Kind, task.PatientId, task.QueueName));
        Assert.Contains($"scored 2 after desk-call call {phone.CallSid}", task.Note, StringComparison.Ordinal);
        var opened = await hub.Factory.Services.GetRequiredService<ICaseRepository>().FindByOriginAsync($"survey:{invitationId:N}:0");
        Assert.Equal((CaseSources.Survey, patientId), (opened!.Source, opened.PatientId));

        // Twilio redelivers the second try's keypress, and a late post of the first try comes with another key:
        // both are answered with the survey as it stands (over), and nothing more is stored.
        var links = hub.Factory.Services.GetRequiredService<KeypadSurveyLinks>();
        var repeat = await PostSignedAsync(hub, carrier, links.Answer(invitationId, 0, 1, "zh-CN"), phone.CallSid, "2");
        var late = await PostSignedAsync(hub, carrier, links.Answer(invitationId, 0, 0, "zh-CN"), phone.CallSid, "5");
        Assert.Contains("感谢您的评价，再见。", repeat, StringComparison.Ordinal);
        Assert.Contains("<Hangup", late, StringComparison.Ordinal);
        Assert.Equal(3, (await ResultsAsync(data, phone.CallSid)).Count);
        Assert.Single(await followUps.ForCallAsync("survey:" + invitationId));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AgentHangsUpFromTheDesk_CallerStaysForTheSurveyAndTheAnswerIsStored(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine);
        var data = await HotlineData.SignInAsync(hub.Factory);
        await CreateSurveyAsync(hub, SurveyChannels.Keypad);
        var number = UniqueData.ChinaMobile();
        await data.AddPatientAsync("周建国", number, "zh-CN");
        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();
        using var carrier = hub.CreateHttpClient();
        var phone = await CallAndTalkAsync(carrier, desk, number);

        // The desk's hang-up (the console's key), not the agent's phone: the caller's call is redirected, not ended.
        var hungUp = await desk.InvokeAsync(nameof(IAgentDeskHub.HangUpAsync), phone.CallSid);
        Assert.True(hungUp.Ok, hungUp.Reason);
        await phone.WaitForAsync(c => c.Said.Any(l => l.Text.StartsWith("您对本次通话满意吗", StringComparison.Ordinal)), "the first question");
        await phone.PressAsync("5");
        await phone.PressAsync("9#");                 // NPS 9, one key and #
        await phone.PressAsync("1");
        var ended = await phone.WaitForStatusAsync("completed");

        Assert.Equal("感谢您的评价，再见。", ended.Said[^1].Text);
        Assert.DoesNotContain(ended.Transcript, l => l.Kind == "error");
        var results = await ResultsAsync(data, phone.CallSid);
        Assert.Equal([(0, "5"), (2, "9"), (3, "1")], results.Select(r => (r.GetProperty("questionIndex").GetInt32(), r.GetProperty("answerText").GetString())).OrderBy(r => r.Item1));
        Assert.All(results, r => Assert.Equal(desk.User.Id, r.GetProperty("agentId").GetGuid()));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CallerHangsUpFirst_OrRefusedSurveys_NoSurvey(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine);
        var data = await HotlineData.SignInAsync(hub.Factory);
        await CreateSurveyAsync(hub, SurveyChannels.Keypad);
        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();
        using var carrier = hub.CreateHttpClient();
        var keypad = hub.Factory.Services.GetRequiredService<IKeypadSurveyRepository>();

        // The caller hangs up while talking: the Dial's action tells of a call that is over; nobody is surveyed.
        var leaving = UniqueData.ChinaMobile();
        await data.AddPatientAsync("林晓红", leaving, "zh-CN");
        var first = await CallAndTalkAsync(carrier, desk, leaving);
        await first.HangUpAsync();
        var over = await first.WaitForStatusAsync("completed");
        await Polling.UntilAsync(() => Task.FromResult(desk.Ended.Any(e => e.CallSid == first.CallSid)), e => e, "CallEnded at the desk");
        Assert.Equal("caller-hung-up", Assert.Single(desk.Ended, e => e.CallSid == first.CallSid).Reason);
        Assert.Single(over.Lines("gather"));
        Assert.Null(await keypad.FindBySourceAsync(KeypadSurveys.SourceKey(first.CallSid)));
        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), new WrapUpRequest(first.CallSid, "resolved"))).Ok);  // available again

        // A patient who withdrew consent for surveys hears the goodbye when the agent hangs up.
        var refusing = UniqueData.ChinaMobile();
        var refusingId = await data.AddPatientAsync("王伟", refusing, "zh-CN");
        await hub.Factory.Services.GetRequiredService<IPatientConsentRepository>().AddAsync(new PatientConsent
        {
            Id = Guid.CreateVersion7(), PatientId = refusingId, Channel = ConsentChannels.Sms, Purpose = ConsentPurposes.Survey, Granted = false,
            ChangedAt = DateTime.UtcNow.AddDays(-1), Method = ConsentMethods.Verbal,
        });
        var second = await CallAndTalkAsync(carrier, desk, refusing);
        await HangUpAgentLegAsync(carrier, second);
        var goodbye = await second.WaitForStatusAsync("completed");

        Assert.Equal("感谢您的来电，再见。", goodbye.Said[^1].Text);
        Assert.Single(goodbye.Lines("gather"));
        Assert.Null(await keypad.FindBySourceAsync(KeypadSurveys.SourceKey(second.CallSid)));
        Assert.Empty(await ResultsAsync(data, second.CallSid));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SmsChannel_AgentHangsUpFirst_GoodbyeThenSurveyTextedAfterWrapUp(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine, new Dictionary<string, string?> { ["Notifications:Sms:From"] = SurveyFixture.SmsFrom });
        var data = await HotlineData.SignInAsync(hub.Factory);
        await CreateSurveyAsync(hub, SurveyChannels.Sms);
        var number = UniqueData.ChinaMobile();
        await data.AddPatientAsync("林晓红", number, "zh-CN");
        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();
        using var carrier = hub.CreateHttpClient();
        var invitations = hub.Factory.Services.GetRequiredService<IKeypadSurveyRepository>();

        var phone = await CallAndTalkAsync(carrier, desk, number);
        await HangUpAgentLegAsync(carrier, phone);
        var goodbye = await phone.WaitForStatusAsync("completed");
        var beforeWrapUp = await invitations.FindBySourceAsync(KeypadSurveys.SourceKey(phone.CallSid));
        await Polling.UntilAsync(() => Task.FromResult(desk.Ended.Any(e => e.CallSid == phone.CallSid)), e => e, "CallEnded at the desk");
        var wrapped = await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), new WrapUpRequest(phone.CallSid, "resolved"));

        Assert.Equal("感谢您的来电，再见。", goodbye.Said[^1].Text);
        Assert.Single(goodbye.Lines("gather"));
        Assert.Null(beforeWrapUp);
        Assert.True(wrapped.Ok, wrapped.Reason);
        var sent = await invitations.FindBySourceAsync(KeypadSurveys.SourceKey(phone.CallSid));
        Assert.Equal((SurveyInvitationStatuses.Open, 0, "general"), (sent!.Status, sent.QuestionIndex, sent.QueueName));
        var dispatcher = hub.Factory.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        var texts = await Polling.UntilAsync(phone.MessagesAsync, m => m.Count > 0, "the survey SMS");
        Assert.Equal("医院：您对本次通话满意吗？（请回复1-5，5为非常满意）", Assert.Single(texts).Body);
    }

    private static async Task CreateSurveyAsync(LiveHub hub, string channel)
    {
        var (admin, _) = await hub.Factory.SignInAsAsync(Roles.Admin);
        var created = await admin.PostAsJsonAsync("/api/surveys", new
        {
            key = "call-" + Guid.NewGuid().ToString("N")[..8],
            name = new Dictionary<string, string> { ["zh-CN"] = "通话满意度", ["en-US"] = "Call satisfaction" },
            questions = new[]
            {
                SurveyTestData.Question("csat", "您对本次通话满意吗？", "How satisfied are you with the call?"),
                SurveyTestData.Question("text", "还有什么建议？", "Anything else?"),
                SurveyTestData.Question("nps", "您愿意向亲友推荐我们吗？", "Would you recommend us?"),
                SurveyTestData.Question("yes-no", "医生解释清楚了吗？", "Did we explain clearly?"),
            },
            triggers = new[] { new { kind = "desk-call", queue = "general", channel } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    /// <summary>The patient calls, asks for an agent, the (available) desk accepts, and the simulator connects them.</summary>
    private static async Task<SimulatedPhone> CallAndTalkAsync(HttpClient carrier, DeskClient desk, string number)
    {
        var phone = await SimulatedPhone.CallAsync(carrier, number);
        await phone.PressAsync("0");
        var offer = await desk.OfferForAsync(phone.CallSid);
        var accepted = await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId);
        Assert.True(accepted.Ok, accepted.Reason);
        await phone.WaitForAsync(c => c.Lines("connected").Any(), "the caller connected to the agent");
        return phone;
    }

    /// <summary>The agent's phone hangs up; the caller is still on the line.</summary>
    private static async Task HangUpAgentLegAsync(HttpClient carrier, SimulatedPhone phone)
    {
        var hungUp = await carrier.PostAsync($"/simulator/calls/{phone.CallSid}/dial/hangup", null);
        Assert.Equal(HttpStatusCode.Accepted, hungUp.StatusCode);
        await phone.WaitForAsync(c => c.Lines("dial-hangup").Any(), "the agent's leg hung up");
    }

    private static async Task<List<JsonElement>> ResultsAsync(HotlineData data, string callSid)
    {
        var page = await data.Supervisor.Client.GetFromJsonAsync<JsonElement>($"/api/surveys/results?callSid={callSid}");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>Posts a Gather action as the carrier would, signed.</summary>
    private static async Task<string> PostSignedAsync(LiveHub hub, HttpClient carrier, string url, string callSid, string digits)
    {
        var token = hub.Factory.Services.GetRequiredService<IOptions<TwilioOptions>>().Value.AuthToken;
        var form = new List<KeyValuePair<string, string>> { new("CallSid", callSid), new("CallStatus", "in-progress"), new("Digits", digits) };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioWebhookHeaders.Signature, TwilioSignature.SignForm(token, url, form));
        using var response = await carrier.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}
