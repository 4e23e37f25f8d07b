using Ivr.Flows.Services;
using Ivr.Flows.Sms;
using Ivr.Flows.Tests.Support;

namespace Ivr.Flows.Tests.Sms;

public sealed class SmsFlowTests
{
    private const string Flow = """
        {
          "id": "sms", "kind": "sms", "languages": ["zh-CN", "en-US"], "defaultLanguage": "en-US", "start": "reply",
          "helpText": { "zh-CN": "帮助", "en-US": "Help text" },
          "optOutText": { "zh-CN": "已退订", "en-US": "You are unsubscribed" },
          "optInText": { "zh-CN": "已订阅", "en-US": "You are subscribed again" },
          "steps": [
            { "id": "reply", "type": "smsReply",
              "confirmedText": { "zh-CN": "已确认", "en-US": "Confirmed" },
              "cancelledText": { "zh-CN": "已取消", "en-US": "Cancelled" },
              "failedText": { "zh-CN": "无法更改", "en-US": "Could not change it" },
              "surveyText": { "zh-CN": "谢谢", "en-US": "Thank you" },
              "offerAcceptedText": { "zh-CN": "已预约", "en-US": "The place is yours" },
              "offerDeclinedText": { "zh-CN": "好的", "en-US": "You stay on the list" },
              "offerTakenText": { "zh-CN": "已被预约", "en-US": "Someone was first" },
              "offerExpiredText": { "zh-CN": "已过期", "en-US": "The offer has expired" },
              "unmatched": "agent" },
            { "id": "agent", "type": "conversation", "reason": "patient-message",
              "prompt": { "zh-CN": "客服会回复您", "en-US": "An agent will reply" } }
          ]
        }
        """;

    private static readonly Guid PatientId = Guid.Parse("0190f0f0-0000-7000-8000-000000000001");
    private static readonly Guid AppointmentId = Guid.Parse("0190f0f0-0000-7000-8000-000000000002");

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("  Stop ")]
    [InlineData("unsubscribe")]
    [InlineData("CANCEL")]
    public async Task OptOutKeyword_WithdrawsConsentAndConfirms(string body)
    {
        var run = await FlowRun.Of(Flow).StartAsync(smsBody: body);

        var change = Assert.Single(run.World.ConsentChanges);
        Assert.Equal((FlowRun.CallerNumber, false), (change.Phone, change.Granted));
        Assert.Equal(["You are unsubscribed"], run.Last.SmsReplies);
        Assert.Contains("<Message>You are unsubscribed</Message>", run.Last.Twiml, StringComparison.Ordinal);
        Assert.Empty(run.World.Conversations);
    }

    [Theory]
    [InlineData("STOP 12345")]
    [InlineData("please stop calling me")]
    [InlineData("STOP.")]
    public async Task KeywordInsideASentence_IsNotAnOptOut(string body)
    {
        var run = await FlowRun.Of(Flow).StartAsync(smsBody: body);

        Assert.Empty(run.World.ConsentChanges);
        Assert.Single(run.World.Conversations);
    }

    [Fact]
    public async Task Start_RestoresConsent()
    {
        var run = await FlowRun.Of(Flow).StartAsync(smsBody: "start");

        Assert.Equal([(FlowRun.CallerNumber, true, "START")], run.World.ConsentChanges);
        Assert.Equal(["You are subscribed again"], run.Last.SmsReplies);
    }

    [Fact]
    public async Task Help_AnswersHelpTextAndChangesNothing()
    {
        var run = await FlowRun.Of(Flow).StartAsync(smsBody: "Help");

        Assert.Equal(["Help text"], run.Last.SmsReplies);
        Assert.Empty(run.World.ConsentChanges);
        Assert.Empty(run.World.Conversations);
    }

    [Theory]
    [InlineData("1", "confirm", "Confirmed")]
    [InlineData("YES", "confirm", "Confirmed")]
    [InlineData("确认", "confirm", "Confirmed")]
    [InlineData("2", "cancel", "Cancelled")]
    [InlineData("取消", "cancel", "Cancelled")]
    [InlineData("no.", "cancel", "Cancelled")]
    [InlineData("１", "confirm", "Confirmed")]
    [InlineData("ｙｅｓ", "confirm", "Confirmed")]
    [InlineData(" y ", "confirm", "Confirmed")]
    [InlineData("２", "cancel", "Cancelled")]
    [InlineData("N", "cancel", "Cancelled")]
    [InlineData("ＮＯ！", "cancel", "Cancelled")]
    public async Task ReplyToAppointmentMessage_ConfirmsOrCancels(string body, string action, string reply)
    {
        var run = await FlowRun.Of(Flow, arrange: PendingAppointment).StartAsync(smsBody: body);

        Assert.Equal([(action, PatientId, AppointmentId)], run.World.AppointmentActions);
        Assert.Equal(reply, run.Last.SmsReplies[^1]);
        Assert.Single(run.World.ClosedReplies);
    }

    [Theory]
    [InlineData("CANCEL")]
    [InlineData("cancel")]
    public async Task CancelKeyword_WithAnAppointmentAwaitingAnswer_CancelsItAndStillOptsOut(string body)
    {
        var run = await FlowRun.Of(Flow, arrange: PendingAppointment).StartAsync(smsBody: body);

        // The carrier treats CANCEL as STOP whatever the hub does, so consent goes too; the visit is called off as meant.
        Assert.Equal([("cancel", PatientId, AppointmentId)], run.World.AppointmentActions);
        Assert.Equal((FlowRun.CallerNumber, false), (Assert.Single(run.World.ConsentChanges).Phone, run.World.ConsentChanges[0].Granted));
        Assert.Equal("Cancelled", run.Last.SmsReplies[^1]);
    }

    [Fact]
    public async Task YesKeyword_WithAnAppointmentAwaitingAnswer_ConfirmsIt()
    {
        var run = await FlowRun.Of(Flow, arrange: PendingAppointment).StartAsync(smsBody: "YES");

        Assert.Equal([("confirm", PatientId, AppointmentId)], run.World.AppointmentActions);
        Assert.Equal(["Confirmed"], run.Last.SmsReplies);
    }

    [Theory]
    [InlineData("1", null, "accept-offer", "The place is yours")]
    [InlineData("确认", "taken", "accept-offer", "Someone was first")]
    [InlineData("Y", "expired", "accept-offer", "The offer has expired")]
    [InlineData("2", null, "decline-offer", "You stay on the list")]
    [InlineData("取消", null, "decline-offer", "You stay on the list")]
    public async Task ReplyToWaitlistOffer_TakesDeclinesOrIsToldWhyNot(string body, string? outcome, string action, string reply)
    {
        var replyId = Guid.NewGuid();
        var run = await FlowRun.Of(Flow, arrange: world =>
        {
            world.PendingReplies[FlowRun.CallerNumber] = new PendingReply(replyId, "waitlist-offer", PatientId, null, null, world.Time.GetUtcNow());
            world.OfferOutcomes[replyId] = outcome;
        }).StartAsync(smsBody: body);

        Assert.Equal([(action, Guid.Empty, replyId)], run.World.AppointmentActions);
        Assert.Equal([reply], run.Last.SmsReplies);
    }

    [Fact]
    public async Task UnreadableReplyToWaitlistOffer_GoesToAgents()
    {
        var run = await FlowRun.Of(Flow, arrange: world =>
            world.PendingReplies[FlowRun.CallerNumber] = new PendingReply(Guid.NewGuid(), "waitlist-offer", PatientId, null, null, world.Time.GetUtcNow()))
            .StartAsync(smsBody: "is it with Dr Wang?");

        Assert.Empty(run.World.AppointmentActions);
        Assert.Equal(["An agent will reply"], run.Last.SmsReplies);
    }

    [Fact]
    public async Task UnreadableReplyToAppointment_GoesToAgents()
    {
        var run = await FlowRun.Of(Flow, arrange: PendingAppointment).StartAsync(smsBody: "can I come at 3 instead?");

        Assert.Empty(run.World.AppointmentActions);
        Assert.Equal("agent", run.Session.CurrentStep);
        Assert.Equal(["An agent will reply"], run.Last.SmsReplies);
    }

    [Fact]
    public async Task AppointmentNoLongerChangeable_SaysSoAndCloses()
    {
        var run = await FlowRun.Of(Flow, arrange: world =>
        {
            PendingAppointment(world);
            world.NextAppointments.Clear();
        }).StartAsync(smsBody: "1");

        Assert.Equal(["Could not change it"], run.Last.SmsReplies);
        Assert.Equal("failed", Assert.Single(run.World.ClosedReplies).Outcome);
    }

    [Theory]
    [InlineData("9", 9)]
    [InlineData("１０", 10)]
    [InlineData("Very kind staff", null)]
    public async Task ReplyToSurvey_IsStoredWithScore(string body, int? score)
    {
        var run = await FlowRun.Of(Flow, arrange: world => world.PendingReplies[FlowRun.CallerNumber] =
            new PendingReply(Guid.NewGuid(), "survey", PatientId, null, Guid.NewGuid(), world.Time.GetUtcNow())).StartAsync(smsBody: body);

        var answer = Assert.Single(run.World.SurveyAnswers);
        Assert.Equal((body, score), (answer.Text, answer.Score));
        Assert.Equal(["Thank you"], run.Last.SmsReplies);
    }

    [Fact]
    public async Task Conversation_LaterTextsJoinWithoutAutoReply()
    {
        var run = await FlowRun.Of(Flow).StartAsync(smsBody: "I have a question");

        await run.TextAsync("about my bill");

        Assert.Equal(2, run.World.Conversations.Count);
        Assert.Empty(run.Last.SmsReplies);
        Assert.NotEqual(run.World.Conversations[0].MessageSid, run.World.Conversations[1].MessageSid);
    }

    [Fact]
    public async Task StopDuringConversation_OptsOutAndEnds()
    {
        var run = await FlowRun.Of(Flow).StartAsync(smsBody: "hello");

        await run.TextAsync("STOP");

        Assert.True(run.Session.Ended);
        Assert.Single(run.World.ConsentChanges);
    }

    [Fact]
    public async Task FailingInbox_AnswersTheErrorText()
    {
        var run = await FlowRun.Of(Flow, arrange: world => world.Failure = new TimeoutException("db down")).StartAsync(smsBody: "STOP");

        Assert.True(run.Session.Ended);
        Assert.Single(run.Last.SmsReplies);
        Assert.Contains(run.Session.Trace, t => t.Event == "error");
    }

    [Fact]
    public void SmsFlowWithoutHelpText_IsRefused()
    {
        var errors = FlowRun.Errors(Flow.Replace("\"helpText\": { \"zh-CN\": \"帮助\", \"en-US\": \"Help text\" },", string.Empty, StringComparison.Ordinal));

        Assert.Contains(errors, e => e.StepId is null && e.Field == "helpText");
    }

    [Fact]
    public void Classify_OnlyWholeWords()
    {
        Assert.Equal(SmsKeyword.OptOut, SmsKeywords.Classify("Quit", out _));
        Assert.Equal(SmsKeyword.None, SmsKeywords.Classify("quit it", out _));
        Assert.Equal(SmsKeyword.Help, SmsKeywords.Classify("info", out _));
        Assert.Equal(SmsKeyword.None, SmsKeywords.Classify(null, out _));
    }

    private static void PendingAppointment(FakeWorld world)
    {
        world.PendingReplies[FlowRun.CallerNumber] = new PendingReply(Guid.NewGuid(), "appointment", PatientId, AppointmentId, null, world.Time.GetUtcNow());
        world.NextAppointments[PatientId] = new AppointmentSummary(AppointmentId, world.Time.GetUtcNow().AddDays(1), "booked", "cardiology", "Cardiology", "Dr Wang");
    }
}
