using CallCenter.Core.Data;
using CallCenter.Core.Messaging;
using CallCenter.Core.Reminders;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Reminders;
using Notifications.Tests.Infrastructure;

namespace Notifications.Tests.Reminders;

/// <summary>
/// A waitlist offer's answer window runs from when its SMS leaves, through the real outbox and carrier simulator: an
/// offer made in the evening's quiet hours stays open overnight and gives the patient the full window after the SMS
/// goes in the morning; an offer whose SMS can never leave lapses at once and the next patient is offered the place.
/// </summary>
public sealed class WaitlistOfferWindowTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const string OffersSql = "SELECT patient_id AS PatientId, status AS Status, expires_at AS ExpiresAt FROM waitlist_offer WHERE slot_id = @SlotId ORDER BY offered_at, id";

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task OfferMadeInQuietHours_StaysOpenOvernightAndRunsItsWindowFromTheMorningSend(string engine)
    {
        await using var harness = await StartAsync(engine);
        harness.Time.SetUtcNow(ShanghaiToUtc(harness.Now, days: 0, hour: 22, minute: 30));
        var startsAt = ShanghaiToUtc(harness.Now, days: 1, hour: 11, minute: 0).UtcDateTime;
        var waiter = await harness.AddPatientAsync(UniqueData.ChinaMobile());
        var slot = await FreedPlaceAsync(harness, startsAt, waiter);

        await harness.DispatchAllAsync();
        harness.Time.SetUtcNow(ShanghaiToUtc(harness.Now, days: 0, hour: 23, minute: 30));
        var lapsedAtNight = await harness.Hub.GetRequiredService<ReminderRuns>().ExpireOffersAsync();
        var night = Assert.Single(await OffersAsync(harness, slot.Id));

        harness.Time.SetUtcNow(ShanghaiToUtc(harness.Now, days: 1, hour: 8, minute: 0));
        await harness.DispatchAllAsync();
        var sentAt = harness.Now;
        var morning = Assert.Single(await OffersAsync(harness, slot.Id));

        Assert.Equal(0, lapsedAtNight);
        Assert.Equal((waiter.Id, WaitlistOfferStatuses.Open), (night.PatientId, night.Status));
        Assert.Contains("30", Assert.Single(await harness.AtCarrierAsync(waiter.Phones[0].E164)).Body, StringComparison.Ordinal);
        Assert.Equal(sentAt.AddMinutes(30), morning.ExpiresAt, TimeSpan.FromSeconds(1));
        harness.Time.SetUtcNow(new DateTimeOffset(sentAt.AddMinutes(29), TimeSpan.Zero));
        Assert.Equal(0, await harness.Hub.GetRequiredService<ReminderRuns>().ExpireOffersAsync());
        harness.Time.SetUtcNow(new DateTimeOffset(sentAt.AddMinutes(31), TimeSpan.Zero));
        Assert.Equal(1, await harness.Hub.GetRequiredService<ReminderRuns>().ExpireOffersAsync());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task OfferWhoseSmsCanNeverLeave_LapsesAtOnceAndTheNextPatientIsOffered(string engine)
    {
        // One patient offered a place at a time, so the second in line is offered only when the first's offer lapses.
        await using var harness = await StartAsync(engine, new Dictionary<string, string?> { ["Reminders:WaitlistOffersPerPlace"] = "1" });
        var startsAt = harness.Now.AddDays(1);
        var first = await harness.AddPatientAsync(UniqueData.ChinaMobile());
        var second = await harness.AddPatientAsync(UniqueData.ChinaMobile());
        // The first in line texted STOP long ago: no SMS can reach them.
        await harness.Hub.GetRequiredService<IRecipientSuppressions>().SuppressAsync("sms", first.Phones[0].E164, "STOP");
        var slot = await FreedPlaceAsync(harness, startsAt, first, second);
        var offersBefore = await OffersAsync(harness, slot.Id);

        await harness.DispatchAllAsync();
        var lapsed = await harness.Hub.GetRequiredService<ReminderRuns>().ExpireOffersAsync();
        await harness.DispatchAllAsync();

        var offers = await OffersAsync(harness, slot.Id);
        Assert.Equal(1, lapsed);
        Assert.Equal(WaitlistOfferStatuses.Open, Assert.Single(offersBefore).Status);
        // Both offers carry the same (fake) moment: compared by patient, not by the order they were written.
        Assert.Equal(
            new Dictionary<Guid, string> { [first.Id] = WaitlistOfferStatuses.Expired, [second.Id] = WaitlistOfferStatuses.Open },
            offers.ToDictionary(o => o.PatientId, o => o.Status));
        Assert.Single(await harness.AtCarrierAsync(second.Phones[0].E164));
        Assert.Empty(await harness.AtCarrierAsync(first.Phones[0].E164));
    }

    private async Task<OutboxHarness> StartAsync(string engine, IReadOnlyDictionary<string, string?>? settings = null) =>
        await OutboxHarness.StartAsync(await fixture.GetAsync(engine), settings, configure: services => services.AddSingleton<IReminderOutbox, NotificationReminderOutbox>());

    // A booked place with the waiters in line for it (first come first); the holder cancels, which offers the place
    // in the cancel's transaction (one offer per free place).
    private static async Task<Slot> FreedPlaceAsync(OutboxHarness harness, DateTime startsAt, params CallCenter.Core.Patients.Patient[] waiters)
    {
        var services = harness.Hub;
        var department = new Department { Id = Guid.CreateVersion7(), Code = UniqueData.Name("D"), Name = "心内科", NameEn = "Cardiology", CreatedAt = harness.Now };
        Assert.True(await services.GetRequiredService<IDepartmentRepository>().TryCreateAsync(department));
        var doctor = new Doctor { Id = Guid.CreateVersion7(), DepartmentId = department.Id, Name = UniqueData.Name("dr"), CreatedAt = harness.Now };
        await services.GetRequiredService<IDoctorRepository>().CreateAsync(doctor);
        var slot = new Slot { Id = Guid.CreateVersion7(), DoctorId = doctor.Id, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(30), Capacity = 1, CreatedAt = harness.Now };
        Assert.Equal(SlotCreateOutcome.Created, await services.GetRequiredService<ISlotRepository>().CreateAsync(slot));
        var holder = await harness.AddPatientAsync(UniqueData.ChinaMobile());
        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(), PatientId = holder.Id, SlotId = slot.Id, Status = AppointmentStatus.Booked, Channel = AppointmentChannel.Phone,
            BookedAt = harness.Now, UpdatedAt = harness.Now,
        };
        Assert.Equal(BookingOutcome.Booked, await services.GetRequiredService<IAppointmentRepository>().BookAsync(appointment));
        foreach (var (waiter, place) in waiters.Select((w, i) => (w, i)))
        {
            await AddToWaitlistAsync(harness, slot, waiter.Id, harness.Now.AddMinutes(place - 10));
        }

        Assert.Equal(TransitionOutcome.Done, (await services.GetRequiredService<IAppointmentRepository>().TransitionAsync(appointment.Id, AppointmentStatus.Cancelled, "patient called")).Outcome);
        return slot;
    }

    private static async Task AddToWaitlistAsync(OutboxHarness harness, Slot slot, Guid patientId, DateTime createdAt) =>
        Assert.True(await harness.Hub.GetRequiredService<IWaitlistRepository>().TryAddAsync(
            new WaitlistEntry { Id = Guid.CreateVersion7(), SlotId = slot.Id, PatientId = patientId, CreatedAt = createdAt }));

    private static async Task<List<OfferRow>> OffersAsync(OutboxHarness harness, Guid slotId)
    {
        await using var connection = await harness.Hub.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return [.. await connection.QueryAsync<OfferRow>(OffersSql, new { SlotId = slotId })];
    }

    // The UTC instant of a wall-clock time in Shanghai, days after the local date of now.
    private static DateTimeOffset ShanghaiToUtc(DateTime nowUtc, int days, int hour, int minute)
    {
        var localDate = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, Shanghai).Date.AddDays(days);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(localDate.AddHours(hour).AddMinutes(minute), Shanghai), TimeSpan.Zero);
    }

    private sealed class OfferRow
    {
        public Guid PatientId { get; init; }

        public string Status { get; init; } = "";

        public DateTime ExpiresAt { get; init; }
    }
}
