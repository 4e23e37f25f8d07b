using CallCenter.Core.Audit;
using CallCenter.Core.Ivr.Ports;
using CallCenter.Testing;
using Ivr.Flows.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Ivr.Ports;

public sealed class PatientDirectoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(IvrPortServices.Now);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FindByPhone_OnePatient_ReturnsProfileWithoutNamesAndAuditsAsIvr(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var phone = UniqueData.ChinaMobile();
        var patient = await IvrPortServices.AddPatientAsync(services, phone, tags: ["vip"]);

        var profile = await services.GetRequiredService<IPatientDirectory>().FindByPhoneAsync(phone, CancellationToken.None);

        // Caller ID is not proof: by default a caller is not told whose number they call from.
        Assert.Equal(new CallerProfile(patient.Id, string.Empty, string.Empty, "zh-CN", profile!.Tags), profile);
        Assert.Equal(["vip"], profile.Tags);
        var audit = Assert.Single(await IvrPortServices.IvrAuditAsync(services, patient.Id));
        Assert.Equal(("patient.read", AuditOutcomes.Success, "ivr caller id"), (audit.Operation, audit.Outcome, audit.Detail));
        Assert.DoesNotContain(phone, audit.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FindByPhone_GreetByNameBeforeVerificationOn_ReturnsNames(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time, new Dictionary<string, string?>
        {
            ["Ivr:Verification:GreetByNameBeforeVerification"] = "true",
        });
        var phone = UniqueData.ChinaMobile();
        var patient = await IvrPortServices.AddPatientAsync(services, phone);

        var profile = await services.GetRequiredService<IPatientDirectory>().FindByPhoneAsync(phone, CancellationToken.None);

        Assert.Equal((patient.Id, "王小明", "小明"), (profile!.PatientId, profile.DisplayName, profile.GivenName));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FindByPhone_NumberSharedByTwo_ReturnsNullAndReadsNoRecord(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var phone = UniqueData.ChinaMobile();
        var first = await IvrPortServices.AddPatientAsync(services, phone);
        var second = await IvrPortServices.AddPatientAsync(services, phone);

        var profile = await services.GetRequiredService<IPatientDirectory>().FindByPhoneAsync(phone, CancellationToken.None);

        Assert.Null(profile);
        Assert.Empty(await IvrPortServices.IvrAuditAsync(services, first.Id));
        Assert.Empty(await IvrPortServices.IvrAuditAsync(services, second.Id));
    }

    [Theory]
    [InlineData("王小明", "小明")]
    [InlineData("李娜", "李娜")]
    [InlineData("John Smith", "John")]
    [InlineData("Madonna", "Madonna")]
    public void GivenName_OfFullName_IsTheNameToGreetBy(string fullName, string expected)
    {
        Assert.Equal(expected, PatientDirectory.GivenName(fullName));
    }
}
