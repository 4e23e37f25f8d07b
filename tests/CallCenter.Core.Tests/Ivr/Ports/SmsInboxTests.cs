using CallCenter.Core.Conversations;
using CallCenter.Core.Patients;
using CallCenter.Testing;
using Ivr.Flows.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Ivr.Ports;

public sealed class SmsInboxTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(IvrPortServices.Now);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SetSmsConsent_StopThenStart_RecordsForEveryPatientWithThePhone(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var phone = UniqueData.ChinaMobile();
        var mother = await IvrPortServices.AddPatientAsync(services, phone);
        var child = await IvrPortServices.AddPatientAsync(services, phone);
        var inbox = services.GetRequiredService<ISmsInbox>();
        var consents = services.GetRequiredService<IPatientConsentRepository>();

        await inbox.SetSmsConsentAsync(phone, false, "stop", CancellationToken.None);
        var afterStop = await consents.CurrentAsync(child.Id);
        _time.Advance(TimeSpan.FromMinutes(1));
        await inbox.SetSmsConsentAsync(phone, true, "START", CancellationToken.None);

        var sms = Assert.Single(afterStop);
        Assert.Equal((ConsentChannels.Sms, false, ConsentMethods.SmsKeyword, "keyword STOP"), (sms.Channel, sms.Granted, sms.Method, sms.Note));
        foreach (var patient in new[] { mother, child })
        {
            var current = Assert.Single(await consents.CurrentAsync(patient.Id));
            Assert.True(current.Granted);
            Assert.Equal(2, (await IvrPortServices.IvrAuditAsync(services, patient.Id)).Count(a => a.Operation == PatientAuditOperations.ConsentAdd));
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SetSmsConsent_StopFromANumberNoPatientHas_IsKeptAsASuppressionUntilStart(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var phone = UniqueData.ChinaMobile();
        var inbox = services.GetRequiredService<ISmsInbox>();
        var suppressions = services.GetRequiredService<CallCenter.Core.Messaging.IRecipientSuppressions>();

        await inbox.SetSmsConsentAsync(phone, false, "stop", CancellationToken.None);
        await inbox.SetSmsConsentAsync(phone, false, "QUIT", CancellationToken.None);
        var afterStop = await suppressions.FindAsync(ConsentChannels.Sms, phone);
        await inbox.SetSmsConsentAsync(phone, true, "START", CancellationToken.None);

        Assert.Equal("keyword STOP", afterStop);
        Assert.Null(await suppressions.FindAsync(ConsentChannels.Sms, phone));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task PendingReply_OpenThenClosed_IsFoundOnlyWhileOpen(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var phone = UniqueData.ChinaMobile();
        var reply = await AddPendingAsync(services, phone, ReplyPurposes.Appointment);
        var inbox = services.GetRequiredService<ISmsInbox>();

        var found = await inbox.PendingReplyAsync(phone, CancellationToken.None);
        await inbox.CloseReplyAsync(reply.Id, "confirmed", CancellationToken.None);
        await inbox.CloseReplyAsync(reply.Id, "cancelled", CancellationToken.None);

        Assert.Equal(new PendingReply(reply.Id, "appointment", null, reply.AppointmentId, null, IvrPortServices.Now), found);
        Assert.Null(await inbox.PendingReplyAsync(phone, CancellationToken.None));
        Assert.Equal("confirmed", (await services.GetRequiredService<ISmsReplyRepository>().FindAsync(reply.Id))!.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task PendingReply_AfterTheWindow_IsNotFound(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var phone = UniqueData.ChinaMobile();
        await AddPendingAsync(services, phone, ReplyPurposes.Survey);

        _time.Advance(TimeSpan.FromHours(72));

        Assert.Null(await services.GetRequiredService<ISmsInbox>().PendingReplyAsync(phone, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task StoreSurveyAnswer_RedeliveredMessage_StoresOne(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var phone = UniqueData.ChinaMobile();
        var reply = await AddPendingAsync(services, phone, ReplyPurposes.Survey);
        var answer = new SurveyAnswer(reply.Id, null, null, phone, "SM" + Guid.NewGuid().ToString("N"), "4", 4);
        var inbox = services.GetRequiredService<ISmsInbox>();

        await inbox.StoreSurveyAnswerAsync(answer, CancellationToken.None);
        await inbox.StoreSurveyAnswerAsync(answer, CancellationToken.None);

        var stored = Assert.Single(await services.GetRequiredService<ISmsReplyRepository>().SurveyAnswersAsync(reply.Id));
        Assert.Equal(("4", 4), (stored.AnswerText, stored.Score));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task OpenConversation_SecondMessage_JoinsTheOpenConversation(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var phone = UniqueData.ChinaMobile();
        var inbox = services.GetRequiredService<ISmsInbox>();

        var first = await inbox.OpenConversationAsync(new ConversationMessage(phone, null, "SM1" + phone, "free-text"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(3));
        var second = await inbox.OpenConversationAsync(new ConversationMessage(phone, null, "SM2" + phone, "free-text"), CancellationToken.None);
        var repeat = await inbox.OpenConversationAsync(new ConversationMessage(phone, null, "SM2" + phone, "free-text"), CancellationToken.None);

        Assert.Equal([first, first], new[] { second, repeat });
        var conversations = services.GetRequiredService<IConversationRepository>();
        Assert.Equal(["SM1" + phone, "SM2" + phone], await conversations.MessageSidsAsync(first));
        Assert.Equal(IvrPortServices.Now.UtcDateTime.AddMinutes(3), (await conversations.FindAsync(first))!.LastMessageAt);
    }

    private async Task<SmsPendingReply> AddPendingAsync(IServiceProvider services, string phone, string purpose)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var reply = new SmsPendingReply
        {
            Id = Guid.CreateVersion7(),
            Phone = phone,
            Purpose = purpose,
            AppointmentId = purpose == ReplyPurposes.Appointment ? Guid.CreateVersion7() : null,
            MessageSid = "SM" + Guid.NewGuid().ToString("N"),
            SentAt = now,
            ExpiresAt = now.AddHours(72),
        };
        await services.GetRequiredService<ISmsReplyRepository>().AddPendingAsync(reply);
        return reply;
    }
}
