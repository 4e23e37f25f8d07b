using CallCenter.Core.FollowUps;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.FollowUps;

public sealed class FollowUpRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(T0));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Add_SameCallAndRecordingTwice_StoresOneAndReturnsItsId(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var followUps = services.GetRequiredService<IFollowUpRepository>();
        var voicemail = Voicemail("CA" + Guid.NewGuid().ToString("N"), "https://api.twilio.com/rec/RE1");

        var first = await followUps.AddAsync(voicemail);
        var repeat = await followUps.AddAsync(voicemail with { Id = Guid.CreateVersion7() });

        Assert.Equal(voicemail.Id, first);
        Assert.Equal(first, repeat);
        var stored = Assert.Single(await followUps.ForCallAsync(voicemail.CallSid));
        Assert.Equal((FollowUpKinds.Voicemail, FollowUpStatuses.Open, 42, "general"), (stored.Kind, stored.Status, stored.DurationSeconds, stored.Category));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Add_SecondRecordingOfSameCall_StoresBoth(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var followUps = services.GetRequiredService<IFollowUpRepository>();
        var callSid = "CA" + Guid.NewGuid().ToString("N");

        await followUps.AddAsync(Voicemail(callSid, "https://api.twilio.com/rec/RE1"));
        await followUps.AddAsync(Voicemail(callSid, "https://api.twilio.com/rec/RE2"));

        Assert.Equal(2, (await followUps.ForCallAsync(callSid)).Count);
    }

    private static FollowUp Voicemail(string callSid, string recordingUrl) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = FollowUpKinds.Voicemail,
        CallSid = callSid,
        CallerNumber = UniqueData.ChinaMobile(),
        RecordingUrl = recordingUrl,
        DurationSeconds = 42,
        Category = "general",
        Language = "zh-CN",
        Status = FollowUpStatuses.Open,
        CreatedAt = T0,
    };
}
