using System.Net.Http.Json;
using CallCenter.Api.Ivr.Ports;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Conversations;
using CallCenter.Core.Messaging;
using CallCenter.Core.Patients;
using CallCenter.Testing;
using Ivr.Flows.Services;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Twilio.Protocol.Rest;

namespace CallCenter.Api.Tests.Ivr;

public sealed class HubFlowMessengerTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Sender = "+861012345678";
    private static readonly Dictionary<string, string?> WithSender = new() { ["Ivr:SmsFrom"] = Sender };
    private readonly FakeTimeProvider _time = new(IvrPortServices.Now);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SendSms_PatientWithdrewConsent_IsRefusedAndLeavesNoPendingReply(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time, WithSender);
        var phone = UniqueData.ChinaMobile();
        var patient = await IvrPortServices.AddPatientAsync(services, phone);
        await WithdrawSmsAsync(services, patient.Id);

        var result = await services.GetRequiredService<IFlowMessenger>().SendSmsAsync(
            new OutgoingSms(phone, "您的预约是明天上午九点", patient.Id, ReplyPurposes.Appointment, Guid.CreateVersion7()), CancellationToken.None);

        Assert.Equal(new SendResult(false, "consent-withdrawn"), result);
        Assert.Null(await services.GetRequiredService<ISmsReplyRepository>().FindOpenAsync(phone, _time.GetUtcNow().UtcDateTime));
        Assert.Contains(await IvrPortServices.IvrAuditAsync(services, patient.Id), a => a.Operation == PatientAuditOperations.ConsentRead);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SendSms_SharedPhoneOneWithdrew_IsRefused(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time, WithSender);
        var phone = UniqueData.ChinaMobile();
        await IvrPortServices.AddPatientAsync(services, phone);
        var withdrawn = await IvrPortServices.AddPatientAsync(services, phone);
        await WithdrawSmsAsync(services, withdrawn.Id);

        var result = await services.GetRequiredService<IFlowMessenger>().SendSmsAsync(new OutgoingSms(phone, "hello", null, "info"), CancellationToken.None);

        Assert.Equal(new SendResult(false, "consent-withdrawn"), result);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SendSms_NoSenderOrBadNumber_IsRefusedWithReason(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var messenger = services.GetRequiredService<IFlowMessenger>();

        var noSender = await messenger.SendSmsAsync(new OutgoingSms(UniqueData.ChinaMobile(), "hello", null, "info"), CancellationToken.None);
        var badNumber = await messenger.SendSmsAsync(new OutgoingSms("12", "hello", null, "info"), CancellationToken.None);

        Assert.Equal(new SendResult(false, "no-sender-configured"), noSender);
        Assert.Equal(new SendResult(false, "invalid-number"), badNumber);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SendSms_Consented_GoesThroughCarrierAndAwaitsReply(string engine)
    {
        await using var hub = new ApiFactory(await fixture.GetAsync(engine), WithSender);
        await using var ivrHub = WithPortsAndCarrier(hub);
        var phone = UniqueData.ChinaMobile();
        var patient = await IvrPortServices.AddPatientAsync(ivrHub.Services, phone);
        var appointmentId = Guid.CreateVersion7();

        var result = await ivrHub.Services.GetRequiredService<IFlowMessenger>().SendSmsAsync(
            new OutgoingSms(phone, "回复1确认，2取消", patient.Id, ReplyPurposes.Appointment, appointmentId), CancellationToken.None);

        Assert.Equal(new SendResult(true), result);
        var now = hub.Time.GetUtcNow().UtcDateTime;
        var pending = await ivrHub.Services.GetRequiredService<ISmsReplyRepository>().FindOpenAsync(phone, now);
        Assert.Equal((patient.Id, appointmentId, now.AddHours(72)), (pending!.PatientId, pending.AppointmentId, pending.ExpiresAt));
        var message = await ivrHub.Services.GetRequiredService<IMessageRepository>().FindBySidAsync(pending.MessageSid!);
        Assert.Equal((MessageService.OutboundDirection, phone, Sender), (message!.Direction, message.ToNumber, message.FromNumber));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SendSms_RecipientSentStopToCarrier_IsRefusedAsOptedOut(string engine)
    {
        await using var hub = new ApiFactory(await fixture.GetAsync(engine), WithSender);
        await using var ivrHub = WithPortsAndCarrier(hub);
        var phone = UniqueData.ChinaMobile();
        using var simulatedPhone = ivrHub.CreateClient();
        using var stop = await simulatedPhone.PostAsJsonAsync("/simulator/sms", new { from = phone, to = Sender, body = "STOP" });
        Assert.True(stop.IsSuccessStatusCode, await stop.Content.ReadAsStringAsync());

        var result = await ivrHub.Services.GetRequiredService<IFlowMessenger>().SendSmsAsync(new OutgoingSms(phone, "hello", null, "info"), CancellationToken.None);

        Assert.Equal(new SendResult(false, "opted-out"), result);
    }

    private static WebApplicationFactory<Program> WithPortsAndCarrier(ApiFactory hub) =>
        hub.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddIvrPorts();
            // The carrier simulator is served by this same in-memory hub, and its webhooks go back to it.
            services.AddHttpClient<TwilioRestClient>()
                .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
            services.AddHttpClient("carrier-simulator")
                .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
        }));

    private static async Task WithdrawSmsAsync(IServiceProvider services, Guid patientId)
    {
        var result = await services.GetRequiredService<PatientConsentService>().AddAsync(
            Actor.System, patientId, new ConsentInput(ConsentChannels.Sms, false, ConsentMethods.Verbal));
        Assert.Equal(PatientOutcome.Ok, result.Outcome);
    }
}
