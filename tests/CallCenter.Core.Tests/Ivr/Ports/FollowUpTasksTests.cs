using CallCenter.Core.FollowUps;
using CallCenter.Testing;
using Ivr.Flows.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Ivr.Ports;

public sealed class FollowUpTasksTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(IvrPortServices.Now);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CreateVoicemail_RepeatedWebhook_StoresOneOpenTask(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var patient = await IvrPortServices.AddPatientAsync(services);
        var voicemail = new VoicemailTask("CA" + Guid.NewGuid().ToString("N"), patient.Id, UniqueData.ChinaMobile(), "https://api.twilio.com/rec/RE1", 31, "test-results", "zh-CN");
        var followUps = services.GetRequiredService<IFollowUps>();

        var first = await followUps.CreateVoicemailAsync(voicemail, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));
        var repeat = await followUps.CreateVoicemailAsync(voicemail, CancellationToken.None);

        Assert.Equal(first, repeat);
        var stored = Assert.Single(await services.GetRequiredService<IFollowUpRepository>().ForCallAsync(voicemail.CallSid));
        Assert.Equal(
            (first, "voicemail", "open", patient.Id, "test-results", 31, IvrPortServices.Now.UtcDateTime),
            (stored.Id, stored.Kind, stored.Status, stored.PatientId, stored.Category, stored.DurationSeconds, stored.CreatedAt));
    }
}
