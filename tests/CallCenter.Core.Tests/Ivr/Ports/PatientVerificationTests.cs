using CallCenter.Core.Audit;
using CallCenter.Core.Ivr;
using CallCenter.Core.Ivr.Verification;
using CallCenter.Testing;
using Ivr.Flows.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Ivr.Ports;

/// <summary>
/// Keypad verification over the patient records: record number then date of birth, failures counted in the database
/// per calling number and per patient, so every hub node sharing it refuses a caller past the limit.
/// </summary>
public sealed class PatientVerificationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateOnly BirthDate = new(1980, 2, 29);
    private readonly FakeTimeProvider _time = new(IvrPortServices.Now);

    private static Dictionary<string, string?> Limits(int perNumber = 3, int perPatient = 4, int windowMinutes = 60) => new()
    {
        ["Ivr:Verification:MaxFailuresPerNumber"] = perNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Ivr:Verification:MaxFailuresPerPatient"] = perPatient.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Ivr:Verification:WindowMinutes"] = windowMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static VerificationAttempt Attempt(string? number = null) =>
        new("CA" + Guid.NewGuid().ToString("N"), number ?? UniqueData.ChinaMobile());

    private static async Task<VerificationResult> VerifyAsync(IPatientDirectory directory, VerificationAttempt attempt, string mrn, string birthDate)
    {
        var check = await directory.CheckIdentifierAsync(attempt, VerificationMethod.Mrn, mrn, CancellationToken.None);
        return check.LockedOut
            ? new VerificationResult(false, null, LockedOut: true)
            : await directory.VerifyBirthDateAsync(attempt, check.Candidate, birthDate, CancellationToken.None);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Verify_RecordNumberInLowerCaseAndBirthDate_VerifiesWithNames(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var mrn = UniqueData.Mrn();
        var patient = await IvrPortServices.AddPatientAsync(services, mrn: mrn, birthDate: BirthDate);

        var result = await VerifyAsync(services.GetRequiredService<IPatientDirectory>(), Attempt(), " " + mrn.ToLowerInvariant() + " ", "19800229");

        Assert.True(result.Verified);
        Assert.Equal((patient.Id, "王小明"), (result.Patient!.PatientId, result.Patient.DisplayName));
        var audit = await IvrPortServices.IvrAuditAsync(services, patient.Id);
        // Written in the same instant of the test clock: compared as a set.
        Assert.Equal(
            [(AuditOutcomes.Success, "ivr verification by record number and birth date: matched"), (AuditOutcomes.Success, "ivr verification: record number names a patient")],
            audit.Select(a => (a.Outcome, a.Detail ?? string.Empty)).Order());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Verify_RightRecordNumberWrongBirthDate_FailsAndCountsAgainstNumberAndPatient(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var mrn = UniqueData.Mrn();
        var patient = await IvrPortServices.AddPatientAsync(services, mrn: mrn, birthDate: BirthDate);
        var attempt = Attempt();

        var result = await VerifyAsync(services.GetRequiredService<IPatientDirectory>(), attempt, mrn, "19800228");

        Assert.Equal(new VerificationResult(false, null), result);
        var failures = services.GetRequiredService<IVerificationFailures>();
        var since = IvrPortServices.Now.UtcDateTime.AddMinutes(-1);
        Assert.Equal(1, await failures.CountSinceAsync(VerificationSubjects.Number(attempt.CallerNumber!), since));
        Assert.Equal(1, await failures.CountSinceAsync(VerificationSubjects.Patient(patient.Id), since));
        var audit = await IvrPortServices.IvrAuditAsync(services, patient.Id);
        Assert.Contains(audit, a => (a.Outcome, a.Detail) == (AuditOutcomes.Failed, "ivr verification by record number and birth date: no match"));
        Assert.DoesNotContain(audit, a => (a.Detail ?? string.Empty).Contains(mrn, StringComparison.Ordinal) || (a.Detail ?? string.Empty).Contains("19800228", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Verify_DigitsOfARecordNumberWithTheMrnPrefix_VerifiesFromTheKeypad(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var digits = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var patient = await IvrPortServices.AddPatientAsync(services, mrn: "MRN" + digits, birthDate: BirthDate);

        var result = await VerifyAsync(services.GetRequiredService<IPatientDirectory>(), Attempt(), digits, "19800229");

        Assert.Equal(patient.Id, result.Patient?.PatientId);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Verify_BirthDateOfAPatientWithoutTheirRecordNumber_NeverVerifies(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        await IvrPortServices.AddPatientAsync(services, mrn: UniqueData.Mrn(), birthDate: BirthDate);

        var result = await VerifyAsync(services.GetRequiredService<IPatientDirectory>(), Attempt(), UniqueData.Mrn(), "19800229");

        Assert.Equal(new VerificationResult(false, null), result);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Verify_NumberPastItsLimit_IsRefusedEvenWithTheRightAnswers_OnAnotherHubNodeToo(string engine)
    {
        var database = await fixture.GetAsync(engine);
        await using var node1 = IvrPortServices.Create(database, _time, Limits(perNumber: 3));
        await using var node2 = IvrPortServices.Create(database, _time, Limits(perNumber: 3));
        var mrn = UniqueData.Mrn();
        await IvrPortServices.AddPatientAsync(node1, mrn: mrn, birthDate: BirthDate);
        var number = UniqueData.ChinaMobile();

        for (var i = 0; i < 3; i++)
        {
            var wrong = await VerifyAsync((i % 2 == 0 ? node1 : node2).GetRequiredService<IPatientDirectory>(), Attempt(number), UniqueData.Mrn(), "19700101");
            Assert.Equal((false, false), (wrong.Verified, wrong.LockedOut));
        }

        var refused = await VerifyAsync(node2.GetRequiredService<IPatientDirectory>(), Attempt(number), mrn, "19800229");
        var otherNumber = await VerifyAsync(node2.GetRequiredService<IPatientDirectory>(), Attempt(), mrn, "19800229");

        Assert.Equal((false, true), (refused.Verified, refused.LockedOut));
        Assert.True(otherNumber.Verified);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Verify_PatientPastTheLimitFromManyNumbers_IsRefused(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time, Limits(perNumber: 3, perPatient: 2));
        var mrn = UniqueData.Mrn();
        var patient = await IvrPortServices.AddPatientAsync(services, mrn: mrn, birthDate: BirthDate);
        var directory = services.GetRequiredService<IPatientDirectory>();

        await VerifyAsync(directory, Attempt(), mrn, "19700101");
        await VerifyAsync(directory, Attempt(), mrn, "19700102");
        var refused = await VerifyAsync(directory, Attempt(), mrn, "19800229");

        Assert.Equal((false, true), (refused.Verified, refused.LockedOut));
        var audit = await IvrPortServices.IvrAuditAsync(services, patient.Id);
        Assert.Contains(audit, a => (a.Outcome, a.Detail) == (AuditOutcomes.Failed, "ivr verification refused: too many failed attempts"));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Verify_FailuresOlderThanTheWindow_NoLongerCount(string engine)
    {
        var time = new FakeTimeProvider(IvrPortServices.Now);
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), time, Limits(perNumber: 1, windowMinutes: 30));
        var mrn = UniqueData.Mrn();
        await IvrPortServices.AddPatientAsync(services, mrn: mrn, birthDate: BirthDate);
        var directory = services.GetRequiredService<IPatientDirectory>();
        var number = UniqueData.ChinaMobile();
        await VerifyAsync(directory, Attempt(number), mrn, "19700101");
        Assert.True((await VerifyAsync(directory, Attempt(number), mrn, "19800229")).LockedOut);

        time.Advance(TimeSpan.FromMinutes(31));

        Assert.True((await VerifyAsync(directory, Attempt(number), mrn, "19800229")).Verified);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task IvrAudit_DuringACallsTurn_CarriesTheCallSid(string engine)
    {
        await using var services = IvrPortServices.Create(await fixture.GetAsync(engine), _time);
        var phone = UniqueData.ChinaMobile();
        var patient = await IvrPortServices.AddPatientAsync(services, phone);
        var callSid = "CA" + Guid.NewGuid().ToString("N");

        using (IvrCallScope.Begin(callSid))
        {
            await services.GetRequiredService<IPatientDirectory>().FindByPhoneAsync(phone, CancellationToken.None);
        }

        await services.GetRequiredService<IPatientDirectory>().FindByPhoneAsync(phone, CancellationToken.None);

        var audit = await IvrPortServices.IvrAuditAsync(services, patient.Id);
        Assert.Equal([$"call {callSid}; ivr caller id", "ivr caller id"], audit.Select(a => a.Detail ?? string.Empty).Order(StringComparer.Ordinal));
    }
}
