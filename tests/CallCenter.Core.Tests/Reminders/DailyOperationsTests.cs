using CallCenter.Core.Accounts;
using CallCenter.Core.Reminders;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CallCenter.Core.Tests.Reminders.ReminderTestServices;

namespace CallCenter.Core.Tests.Reminders;

/// <summary>One test on its own database: the report counts everything in it.</summary>
public sealed class DailyOperationsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(Now);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Read_ADayOfRemindersRepliesNoShowsAndFills_CountsEach(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time);
        var appointments = services.GetRequiredService<AppointmentService>();

        // 30 hours ahead: the 24-hour reminder falls due today (Shanghai), the 72-hour request's moment has passed: due now.
        var confirmedSlot = await AddSlotAsync(services, (await AddDoctorAsync(services)).Id, Now.UtcDateTime.AddHours(30));
        var confirmed = await BookAsync(services, (await AddPatientAsync(services)).Id, confirmedSlot.Id);
        await appointments.TransitionAsync(Actor.System, confirmed.Id, AppointmentStatus.Confirmed);

        var freedSlot = await AddSlotAsync(services, (await AddDoctorAsync(services)).Id, Now.UtcDateTime.AddHours(30));
        var cancelled = await BookAsync(services, (await AddPatientAsync(services)).Id, freedSlot.Id);
        var waiter = await AddPatientAsync(services);
        Assert.True(await services.GetRequiredService<IWaitlistRepository>().TryAddAsync(
            new WaitlistEntry { Id = Guid.CreateVersion7(), SlotId = freedSlot.Id, PatientId = waiter.Id, CreatedAt = Now.UtcDateTime }));
        await appointments.TransitionAsync(Actor.System, cancelled.Id, AppointmentStatus.Cancelled, "patient called");
        var offer = Assert.Single(await services.GetRequiredService<WaitlistOfferService>().ListForSlotAsync(freedSlot.Id));
        Assert.Equal(OfferAnswer.Accepted, (await services.GetRequiredService<WaitlistOfferService>().AnswerAsync(offer.PendingReplyId!.Value, accept: true)).Answer);

        var pastSlot = await AddSlotAsync(services, (await AddDoctorAsync(services)).Id, Now.UtcDateTime.AddHours(-2));
        var missed = await BookAsync(services, (await AddPatientAsync(services)).Id, pastSlot.Id);
        await services.GetRequiredService<IAppointmentRepository>().TransitionAsync(missed.Id, AppointmentStatus.NoShow, null);

        var reader = services.GetRequiredService<DailyOperationsReader>();
        var today = await reader.ReadAsync(new DateOnly(2026, 12, 7));
        var before = await reader.ReadAsync(new DateOnly(2026, 12, 6));

        // Reminders: the confirmed visit's reminder, and the waitlist booking's confirmation request (due at once) and
        // reminder; the confirmed visit's request and the cancelled visit's were withdrawn.
        Assert.Equal((3, 1, 1, 1, 1), (today.RemindersDue, today.Confirmed, today.Cancelled, today.NoShows, today.WaitlistFills));
        Assert.Equal((0, 0, 0, 0, 0), (before.RemindersDue, before.Confirmed, before.Cancelled, before.NoShows, before.WaitlistFills));
        Assert.Equal(new DateOnly(2026, 12, 6), reader.Yesterday(Now));
        Assert.Equal("day,time_zone,reminders_due,confirmed,cancelled,no_shows,waitlist_fills\r\n2026-12-07,Asia/Shanghai,3,1,1,1,1\r\n", today.ToCsv());
    }
}
