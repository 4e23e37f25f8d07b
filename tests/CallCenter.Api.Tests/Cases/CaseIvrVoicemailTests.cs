using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Cases;
using CallCenter.Core.FollowUps;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Cases;

/// <summary>The shipped hotline's complaints branch through the carrier simulator: a voicemail left there becomes a case.</summary>
public sealed class CaseIvrVoicemailTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task KnownCallerAfterHours_LeavesComplaintVoicemail_CaseOpenedOnceLinkedToTheCall(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine);
        hub.Factory.Time.Advance(TimeSpan.FromHours(13)); // Monday 22:00 in Shanghai: the hotline is closed
        var data = await HotlineData.SignInAsync(hub.Factory);
        var number = UniqueData.ChinaMobile();
        var patientId = await data.AddPatientAsync("孙立", number, "zh-CN");
        using var carrier = hub.CreateHttpClient();

        var phone = await SimulatedPhone.CallAsync(carrier, number);
        await phone.PressAsync("3");  // after hours: make a complaint
        await phone.RecordAsync("药房的工作人员态度很差。", hub.Factory.Time, TimeSpan.FromSeconds(9));
        var call = await phone.WaitForStatusAsync("completed");
        Assert.DoesNotContain(call.Transcript, line => line.Kind == "error");
        Assert.Contains(call.Said, line => line.Text.StartsWith("请在提示音后说明您的投诉", StringComparison.Ordinal));

        var followUp = Assert.Single(await hub.Factory.Services.GetRequiredService<IFollowUpRepository>().ForCallAsync(phone.CallSid));
        Assert.Equal("complaints", followUp.Category);
        var opened = Assert.Single(await CaseApi.ListAsync(data.Supervisor.Client, $"?patientId={patientId}"));
        var details = await CaseApi.GetAsync(data.Supervisor.Client, opened.Id);
        Assert.Equal((CaseSources.Ivr, "other", "medium", CaseStatuses.Open, number), (opened.Source, opened.Category, opened.Severity, opened.Status, opened.CallerNumber));
        Assert.Contains(followUp.RecordingUrl, opened.Description, StringComparison.Ordinal);
        Assert.Equal((CaseLinkKinds.Call, phone.CallSid), (Assert.Single(details.Links).Kind, details.Links[0].Sid));
        var ivr = await data.IvrAsync(phone.CallSid);
        Assert.Equal(["identify", "greet-known", "greet-returning", "opening-hours", "after-hours", "complaints-voicemail", "voicemail-thanks"], ivr.Steps);

        // Twilio redelivers the recording callback: still one case.
        var again = await hub.Factory.Services.GetRequiredService<CaseIntake>()
            .FromVoicemailAsync(phone.CallSid, patientId, number, "complaints", followUp.RecordingUrl);
        Assert.Equal(opened.Id, again);
        Assert.Single(await CaseApi.ListAsync(data.Supervisor.Client, $"?patientId={patientId}"));
    }

    [Fact]
    public async Task VoicemailOutsideTheComplaintsBranch_OpensNoCase()
    {
        await using var hub = await LiveHub.StartAsync();
        hub.Factory.Time.Advance(TimeSpan.FromHours(13));
        var data = await HotlineData.SignInAsync(hub.Factory);
        var number = UniqueData.ChinaMobile();
        var patientId = await data.AddPatientAsync("钱明", number, "zh-CN");
        using var carrier = hub.CreateHttpClient();

        var phone = await SimulatedPhone.CallAsync(carrier, number);
        await phone.PressAsync("1");  // after hours: leave a message
        await phone.RecordAsync("请回电。", hub.Factory.Time, TimeSpan.FromSeconds(3));
        await phone.WaitForStatusAsync("completed");

        Assert.Equal("general", Assert.Single(await hub.Factory.Services.GetRequiredService<IFollowUpRepository>().ForCallAsync(phone.CallSid)).Category);
        Assert.Empty(await CaseApi.ListAsync(data.Supervisor.Client, $"?patientId={patientId}"));
    }
}
