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
    public async Task FindByPhone_OnePatient_ReturnsProfileAndAuditsAsIvr(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var phone = UniqueData.ChinaMobile();
        var patient = await IvrPortServices.AddPatientAsync(services, phone, tags: ["vip"]);

        var profile = await services.GetRequiredService<IPatientDirectory>().FindByPhoneAsync(phone, CancellationToken.None);

        Assert.Equal(new CallerProfile(patient.Id, "王小明", "小明", "zh-CN", profile!.Tags), profile);
        Assert.Equal(["vip"], profile.Tags);
        var audit = Assert.Single(await IvrPortServices.IvrAuditAsync(services, patient.Id));
        Assert.Equal(("patient.read", AuditOutcomes.Success, "ivr caller id"), (audit.Operation, audit.Outcome, audit.Detail));
        Assert.DoesNotContain(phone, audit.Detail, StringComparison.Ordinal);
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
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Verify_MrnTypedInLowerCase_IdentifiesUnknownCaller(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var mrn = UniqueData.Mrn();
        var patient = await IvrPortServices.AddPatientAsync(services, mrn: mrn);

        var result = await services.GetRequiredService<IPatientDirectory>().VerifyAsync(null, VerificationMethod.Mrn, " " + mrn.ToLowerInvariant() + " ", CancellationToken.None);

        Assert.True(result.Verified);
        Assert.Equal(patient.Id, result.Patient!.PatientId);
        var audit = Assert.Single(await IvrPortServices.IvrAuditAsync(services, patient.Id));
        Assert.Equal((AuditOutcomes.Success, "ivr verification by mrn: matched"), (audit.Outcome, audit.Detail));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Verify_OtherPatientsMrn_IsRefusedAndAuditedWithoutTheValue(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var caller = await IvrPortServices.AddPatientAsync(services, mrn: UniqueData.Mrn());
        var otherMrn = UniqueData.Mrn();
        await IvrPortServices.AddPatientAsync(services, mrn: otherMrn);

        var result = await services.GetRequiredService<IPatientDirectory>().VerifyAsync(caller.Id, VerificationMethod.Mrn, otherMrn, CancellationToken.None);

        Assert.Equal(new VerificationResult(false, null), result);
        var audit = Assert.Single(await IvrPortServices.IvrAuditAsync(services, caller.Id));
        Assert.Equal((AuditOutcomes.Failed, "ivr verification by mrn: no match"), (audit.Outcome, audit.Detail));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Verify_BirthDateAsYyyyMmDd_MatchesKnownCaller(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var patient = await IvrPortServices.AddPatientAsync(services, birthDate: new DateOnly(1980, 2, 29));
        var directory = services.GetRequiredService<IPatientDirectory>();

        var right = await directory.VerifyAsync(patient.Id, VerificationMethod.BirthDate, "19800229", CancellationToken.None);
        var wrong = await directory.VerifyAsync(patient.Id, VerificationMethod.BirthDate, "19800228", CancellationToken.None);
        var garbage = await directory.VerifyAsync(patient.Id, VerificationMethod.BirthDate, "1980022", CancellationToken.None);

        Assert.Equal((true, false, false), (right.Verified, wrong.Verified, garbage.Verified));
        Assert.Equal(3, (await IvrPortServices.IvrAuditAsync(services, patient.Id)).Count);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Verify_BirthDateWithoutPatient_NeverIdentifies(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        await IvrPortServices.AddPatientAsync(services, birthDate: new DateOnly(1975, 5, 5));

        var result = await services.GetRequiredService<IPatientDirectory>().VerifyAsync(null, VerificationMethod.BirthDate, "19750505", CancellationToken.None);

        Assert.Equal(new VerificationResult(false, null), result);
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
