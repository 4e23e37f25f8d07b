using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Conversations;
using CallCenter.Core.Messaging;
using CallCenter.Core.Patients;
using CallCenter.Testing;
using Ivr.Flows.Services;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Protocol.Rest;

namespace CallCenter.Api.Tests.Telephony;

/// <summary>Flow texts through Notifications' SMS channel (`TwilioSmsChannel`) to the simulator, served by the same in-memory hub, and what it answers.</summary>
public sealed class TwilioSmsChannelTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string Sender = "+861012345678";
    private static readonly Dictionary<string, string?> WithSender = new() { ["Ivr:SmsFrom"] = Sender };

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SendSms_Consented_GoesThroughCarrierAndAwaitsReply(string engine)
    {
        await using var hub = new ApiFactory(await fixture.GetAsync(engine), WithSender);
        await using var ivrHub = WithPortsAndCarrier(hub);
        var phone = UniqueData.ChinaMobile();
        var patient = await AddPatientAsync(ivrHub.Services, phone);
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
            // The carrier simulator is served by this same in-memory hub, and its webhooks go back to it.
            services.AddHttpClient<TwilioRestClient>()
                .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
            services.AddHttpClient("carrier-simulator")
                .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
        }));

    private static async Task<Patient> AddPatientAsync(IServiceProvider services, string phone)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var patient = new Patient
        {
            Id = Guid.CreateVersion7(), FullName = UniqueData.Name("patient"), Gender = Genders.Unknown, PreferredLanguage = "zh-CN",
            TimeZone = "Asia/Shanghai", CreatedAt = now, UpdatedAt = now,
            Phones = [new PatientPhone { E164 = phone, Kind = PhoneKinds.Mobile, IsPrimary = true }],
        };
        Assert.Equal(PatientSaveResult.Saved, await services.GetRequiredService<IPatientRepository>().CreateAsync(patient));
        return patient;
    }
}
