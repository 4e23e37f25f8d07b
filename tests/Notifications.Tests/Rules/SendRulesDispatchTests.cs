using CallCenter.Core.Accounts;
using CallCenter.Core.Messaging;
using CallCenter.Core.Patients;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Outbox;
using Notifications.Tests.Infrastructure;

namespace Notifications.Tests.Rules;

/// <summary>The rules as the dispatcher applies them at send time, through the real carrier simulator.</summary>
public sealed class SendRulesDispatchTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_NightInThePatientsZone_WaitsForTheirMorning(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var phone = UniqueData.ChinaMobile();
        // 02:00 UTC is 10:00 in Shanghai but 21:00 the evening before in New York.
        var patient = await harness.AddPatientAsync(phone, "America/New_York");
        var id = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "good morning", patient.Id));

        await harness.DispatchAllAsync();
        var waiting = await harness.RowAsync(id);
        harness.Time.Advance(TimeSpan.FromHours(11));
        await harness.DispatchAllAsync();

        Assert.Equal((NotificationStatuses.Pending, 0, "quiet-hours"), (waiting.Status, waiting.Attempts, waiting.Error));
        Assert.Equal(new DateTime(2026, 11, 23, 13, 0, 0, DateTimeKind.Utc), waiting.NextAttemptAt);
        Assert.Equal(NotificationStatuses.Queued, (await harness.RowAsync(id)).Status);
        Assert.Single(await harness.AtCarrierAsync(phone));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_NextWindowAfterExpiry_DropsTheMessageAsExpired(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var phone = UniqueData.ChinaMobile();
        var patient = await harness.AddPatientAsync(phone, "America/New_York");
        var id = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "too late", patient.Id) with { ExpiresAt = harness.Now.AddHours(10) });

        await harness.DispatchAllAsync();

        Assert.Equal((NotificationStatuses.Expired, "quiet-hours-until-expiry"), ((await harness.RowAsync(id)).Status, (await harness.RowAsync(id)).Error));
        Assert.Empty(await harness.AtCarrierAsync(phone));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_OnAHoliday_WaitsForTheNextDay(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine), new Dictionary<string, string?>
        {
            ["Notifications:Rules:Holidays:0"] = "2026-11-23",
        });
        var phone = UniqueData.ChinaMobile();
        var patient = await harness.AddPatientAsync(phone);
        var id = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "after the holiday", patient.Id));

        await harness.DispatchAllAsync();

        Assert.Equal(new DateTime(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc), (await harness.RowAsync(id)).NextAttemptAt);
        Assert.Empty(await harness.AtCarrierAsync(phone));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_OverTheFrequencyCap_WaitsButUrgentGoesAtOnce(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine), new Dictionary<string, string?>
        {
            ["Notifications:Rules:MaxPerPatient"] = "2",
        });
        var phone = UniqueData.ChinaMobile();
        var patient = await harness.AddPatientAsync(phone);
        await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "one", patient.Id));
        await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "two", patient.Id));
        await harness.DispatchAllAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        var third = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "three", patient.Id));
        var urgent = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "clinic closed today", patient.Id) with { Urgent = true });

        await harness.DispatchAllAsync();

        var capped = await harness.RowAsync(third);
        Assert.Equal((NotificationStatuses.Pending, "frequency-cap"), (capped.Status, capped.Error));
        Assert.Equal(harness.Now.AddMinutes(-10).AddDays(1), capped.NextAttemptAt);
        Assert.Equal(NotificationStatuses.Queued, (await harness.RowAsync(urgent)).Status);
        Assert.Equal(["clinic closed today", "one", "two"], (await harness.AtCarrierAsync(phone)).Select(m => m.Body).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_ConsentWithdrawnForAPurpose_SuppressesThatPurposeOnly(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var phone = UniqueData.ChinaMobile();
        var patient = await harness.AddPatientAsync(phone);
        var consents = harness.Hub.GetRequiredService<PatientConsentService>();
        var noSurveys = await consents.AddAsync(Actor.Ivr, patient.Id, new ConsentInput("sms", false, ConsentMethods.All[0], Purpose: "survey"));
        Assert.Empty(noSurveys.Errors);
        var survey = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "how was it?", patient.Id) with { Purpose = NotificationPurposes.Survey });
        var reminder = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "see you tomorrow", patient.Id));

        await harness.DispatchAllAsync();

        Assert.Equal((NotificationStatuses.Suppressed, "consent-withdrawn"), ((await harness.RowAsync(survey)).Status, (await harness.RowAsync(survey)).Error));
        Assert.Equal(NotificationStatuses.Queued, (await harness.RowAsync(reminder)).Status);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Dispatch_NumberSuppressedByStop_IsNotSentEvenWithoutAPatient(string engine)
    {
        await using var harness = await OutboxHarness.StartAsync(await fixture.GetAsync(engine));
        var phone = UniqueData.ChinaMobile();
        await harness.Hub.GetRequiredService<IRecipientSuppressions>().SuppressAsync("sms", phone, "keyword STOP");
        var id = await harness.Outbox.EnqueueAsync(OutboxHarness.Sms(phone, "to nobody's number"));

        await harness.DispatchAllAsync();

        Assert.Equal((NotificationStatuses.Suppressed, "suppressed: keyword STOP"), ((await harness.RowAsync(id)).Status, (await harness.RowAsync(id)).Error));
        Assert.Empty(await harness.AtCarrierAsync(phone));
    }
}
