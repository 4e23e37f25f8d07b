using CallCenter.Core.Common;
using CallCenter.Core.Patients;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Patients;

public sealed class PatientConsentRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Current_AfterGrantThenWithdraw_IsNewestPerChannelWhateverTheInsertOrder(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var patient = TestPatients.New(_time);
        await services.GetRequiredService<IPatientRepository>().CreateAsync(patient);
        var consents = services.GetRequiredService<IPatientConsentRepository>();
        var start = _time.GetUtcNow().UtcDateTime;

        // The withdrawal is recorded first; the older written consent is typed in afterwards.
        await consents.AddAsync(Consent(patient.Id, ConsentChannels.Sms, false, start.AddDays(1), ConsentMethods.SmsKeyword));
        await consents.AddAsync(Consent(patient.Id, ConsentChannels.Sms, true, start, ConsentMethods.Written));
        await consents.AddAsync(Consent(patient.Id, ConsentChannels.Voice, true, start, ConsentMethods.Verbal));

        var current = await consents.CurrentAsync(patient.Id);
        var history = await consents.HistoryAsync(patient.Id);

        Assert.Equal([ConsentChannels.Sms, ConsentChannels.Voice], current.Select(c => c.Channel));
        Assert.False(current[0].Granted);
        Assert.Equal(ConsentMethods.SmsKeyword, current[0].Method);
        Assert.Equal(start.AddDays(1), current[0].ChangedAt);
        Assert.True(current[1].Granted);
        Assert.Equal(3, history.Count);
        Assert.Equal(start.AddDays(1), history[0].ChangedAt);
        Assert.Equal("from a test", history[0].Note);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Allows_PurposeWithdrawnThenChannelGranted_NewestOfChannelOrPurposeDecides(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var patient = TestPatients.New(_time);
        await services.GetRequiredService<IPatientRepository>().CreateAsync(patient);
        var consents = services.GetRequiredService<IPatientConsentRepository>();
        var start = _time.GetUtcNow().UtcDateTime;

        await consents.AddAsync(Consent(patient.Id, ConsentChannels.Sms, false, start, ConsentMethods.Verbal) with { Purpose = ConsentPurposes.Survey });
        var afterNoSurveys = await consents.HistoryAsync(patient.Id);
        await consents.AddAsync(Consent(patient.Id, ConsentChannels.Sms, true, start.AddDays(1), ConsentMethods.Written));
        var afterGrant = await consents.HistoryAsync(patient.Id);

        Assert.False(PatientConsent.Allows(afterNoSurveys, ConsentChannels.Sms, ConsentPurposes.Survey));
        Assert.True(PatientConsent.Allows(afterNoSurveys, ConsentChannels.Sms, ConsentPurposes.AppointmentReminder));
        Assert.True(PatientConsent.Allows(afterGrant, ConsentChannels.Sms, ConsentPurposes.Survey));
        Assert.Equal(ConsentPurposes.Survey, afterGrant[1].Purpose);
        Assert.Equal(2, PatientConsent.CurrentOf(afterGrant).Count);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task History_PatientWithoutConsents_IsEmpty(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);

        Assert.Empty(await services.GetRequiredService<IPatientConsentRepository>().HistoryAsync(Guid.NewGuid()));
    }

    private PatientConsent Consent(Guid patientId, string channel, bool granted, DateTime at, string method) => new()
    {
        Id = Ids.New(_time),
        PatientId = patientId,
        Channel = channel,
        Granted = granted,
        ChangedAt = at,
        Method = method,
        Note = "from a test",
    };
}
