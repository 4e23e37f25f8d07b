using CallCenter.Core.Accounts;
using CallCenter.Core.Conversations;
using CallCenter.Core.Messaging;
using CallCenter.Core.Patients;
using CallCenter.Testing;
using Ivr.Flows.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Ivr.Ports;

/// <summary>What the messenger refuses before the carrier; sends that reach the carrier are the host's TwilioSmsChannelTests.</summary>
public sealed class FlowMessengerTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
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

    private static async Task WithdrawSmsAsync(IServiceProvider services, Guid patientId)
    {
        var result = await services.GetRequiredService<PatientConsentService>().AddAsync(
            Actor.System, patientId, new ConsentInput(ConsentChannels.Sms, false, ConsentMethods.Verbal));
        Assert.Equal(PatientOutcome.Ok, result.Outcome);
    }
}
