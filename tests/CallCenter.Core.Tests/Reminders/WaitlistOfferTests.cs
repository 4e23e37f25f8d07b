using CallCenter.Core.Conversations;
using CallCenter.Core.Data;
using CallCenter.Core.Reminders;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Dapper;
using Ivr.Flows.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CallCenter.Core.Tests.Reminders.ReminderTestServices;

namespace CallCenter.Core.Tests.Reminders;

public sealed class WaitlistOfferTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(Now);
    private readonly RecordingOutbox _outbox = new();

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Cancel_OffersThePlaceToTheSlotsWaitlistThenTheDoctorsThenTheDepartments(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time, _outbox);
        var doctor = await AddDoctorAsync(services);
        var colleague = await AddDoctorAsync(services, doctor.DepartmentId);
        var day = Now.UtcDateTime.AddDays(1);
        var slot = await AddSlotAsync(services, doctor.Id, day);
        var sameDoctor = await AddSlotAsync(services, doctor.Id, day.AddHours(1));
        var sameDepartment = await AddSlotAsync(services, colleague.Id, day.AddHours(2));
        var holder = await BookAsync(services, (await AddPatientAsync(services)).Id, slot.Id);

        // Arrival order is the reverse of the tiers: the tier decides first, arrival only within it.
        var departmentWaiter = await WaitAsync(services, sameDepartment.Id);
        var doctorWaiter = await WaitAsync(services, sameDoctor.Id);
        var slotWaiter = await WaitAsync(services, slot.Id);
        var lastDepartmentWaiter = await WaitAsync(services, sameDepartment.Id);

        await services.GetRequiredService<IAppointmentRepository>().TransitionAsync(holder.Id, AppointmentStatus.Cancelled, "patient called");

        var offers = await services.GetRequiredService<WaitlistOfferService>().ListForSlotAsync(slot.Id);
        Assert.Equal([slotWaiter.Id, doctorWaiter.Id, departmentWaiter.Id], OffersInOrder(offers, _outbox));
        Assert.DoesNotContain(offers, o => o.PatientId == lastDepartmentWaiter.Id);
        Assert.All(offers, o => Assert.Equal((WaitlistOfferStatuses.Open, o.OfferedAt.AddMinutes(30)), (o.Status, o.ExpiresAt)));
        Assert.All(_outbox.Enqueued.Where(m => m.Purpose == ReminderPurposes.WaitlistOffer), m => Assert.True(m.Urgent));
        var pending = await services.GetRequiredService<ISmsInbox>().PendingReplyAsync(slotWaiter.Phone, CancellationToken.None);
        Assert.Equal(ReplyPurposes.WaitlistOffer, pending?.Purpose);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Accept_TwoRepliersRaceForOnePlace_OneBooksItTheOtherIsToldItIsTaken(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time, _outbox);
        var offersService = services.GetRequiredService<WaitlistOfferService>();
        var (slot, _, waiters) = await FreeAPlaceAsync(services, waiting: 2);
        var offers = await offersService.ListForSlotAsync(slot.Id);
        Assert.Equal(2, offers.Count);

        var answers = await Task.WhenAll(offers.Select(o => Task.Run(() => offersService.AnswerAsync(o.PendingReplyId!.Value, accept: true))));

        Assert.Equal([OfferAnswer.Accepted, OfferAnswer.Taken], answers.Select(a => a.Answer).Order().ToList());
        var winner = answers.Single(a => a.Answer == OfferAnswer.Accepted).Appointment!;
        Assert.Equal((slot.Id, AppointmentStatus.Booked), (winner.SlotId, winner.Status));
        Assert.Equal(0, await FreeAsync(services, slot.Id));
        Assert.Equal(1, await HoldingAsync(services, slot.Id));

        // The winner left the waitlist; the other is still on it and a later "1" is told the place is taken.
        var loser = waiters.Single(w => w.Id != winner.PatientId);
        Assert.Equal([loser.Id], await WaitingAsync(services, slot.Id));
        var late = await offersService.AnswerAsync(offers.Single(o => o.PatientId == loser.Id).PendingReplyId!.Value, accept: true);
        Assert.Equal(OfferAnswer.Taken, late.Answer);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Accept_AfterOneTookIt_OthersRepliesLapseAndTheInboxStillAnswersThem(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time, _outbox);
        var offersService = services.GetRequiredService<WaitlistOfferService>();
        var (slot, _, waiters) = await FreeAPlaceAsync(services, waiting: 2);
        var offers = await offersService.ListForSlotAsync(slot.Id);

        Assert.Equal(OfferAnswer.Accepted, (await offersService.AnswerAsync(offers[0].PendingReplyId!.Value, accept: true)).Answer);

        var second = waiters.Single(w => w.Id == offers[1].PatientId);
        var pending = await services.GetRequiredService<ISmsInbox>().PendingReplyAsync(second.Phone, CancellationToken.None);
        Assert.Equal((offers[1].PendingReplyId, ReplyPurposes.WaitlistOffer), (pending?.Id, pending?.Purpose));
        var answer = await services.GetRequiredService<IAppointmentBook>().AnswerOfferAsync(pending!.Id, accept: true, CancellationToken.None);
        Assert.Equal((false, "taken"), (answer.Succeeded, answer.Reason));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Accept_AfterTheWindow_IsExpiredAndExpiryOffersTheNextPatient(string engine)
    {
        var settings = new Dictionary<string, string?> { ["Reminders:WaitlistOffersPerPlace"] = "1" };
        await using var services = Create(await fixture.GetAsync(engine), _time, _outbox, settings);
        var offersService = services.GetRequiredService<WaitlistOfferService>();
        var (slot, _, waiters) = await FreeAPlaceAsync(services, waiting: 2);
        var first = Assert.Single(await offersService.ListForSlotAsync(slot.Id));

        _time.Advance(TimeSpan.FromMinutes(30));
        var late = await offersService.AnswerAsync(first.PendingReplyId!.Value, accept: true);
        var lapsed = await services.GetRequiredService<ReminderRuns>().ExpireOffersAsync();
        var again = await services.GetRequiredService<ReminderRuns>().ExpireOffersAsync();

        // Tests share the database: other tests' offers may lapse in the same run; a second run finds none.
        Assert.Equal(OfferAnswer.Expired, late.Answer);
        Assert.True(lapsed >= 1);
        Assert.Equal(0, again);
        Assert.Equal(1, await FreeAsync(services, slot.Id));
        var offers = await offersService.ListForSlotAsync(slot.Id);
        Assert.Equal([(waiters[0].Id, WaitlistOfferStatuses.Expired), (waiters[1].Id, WaitlistOfferStatuses.Open)], offers.Select(o => (o.PatientId, o.Status)).ToList());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Decline_OffersTheNextPatientAndKeepsTheDeclinerWaiting(string engine)
    {
        var settings = new Dictionary<string, string?> { ["Reminders:WaitlistOffersPerPlace"] = "1" };
        await using var services = Create(await fixture.GetAsync(engine), _time, _outbox, settings);
        var offersService = services.GetRequiredService<WaitlistOfferService>();
        var (slot, _, waiters) = await FreeAPlaceAsync(services, waiting: 2);
        var first = Assert.Single(await offersService.ListForSlotAsync(slot.Id));

        _time.Advance(TimeSpan.FromMinutes(5));
        var declined = await offersService.AnswerAsync(first.PendingReplyId!.Value, accept: false);

        Assert.Equal(OfferAnswer.Declined, declined.Answer);
        var offers = await offersService.ListForSlotAsync(slot.Id);
        Assert.Equal([(waiters[0].Id, WaitlistOfferStatuses.Declined), (waiters[1].Id, WaitlistOfferStatuses.Open)], offers.Select(o => (o.PatientId, o.Status)).ToList());
        Assert.Equal(waiters.Select(w => w.Id).ToList(), await WaitingAsync(services, slot.Id));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Move_OffersThePlaceItLeft(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time, _outbox);
        var doctor = await AddDoctorAsync(services);
        var slot = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddDays(1));
        var other = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddDays(3));
        var holder = await BookAsync(services, (await AddPatientAsync(services)).Id, slot.Id);
        var waiter = await WaitAsync(services, slot.Id);

        await services.GetRequiredService<IAppointmentRepository>().MoveAsync(holder.Id, other.Id);

        var offer = Assert.Single(await services.GetRequiredService<WaitlistOfferService>().ListForSlotAsync(slot.Id));
        Assert.Equal(waiter.Id, offer.PatientId);
    }

    private static async Task<(Slot Slot, Appointment Cancelled, List<(Guid Id, string Phone)> Waiters)> FreeAPlaceAsync(IServiceProvider services, int waiting)
    {
        var slot = await AddSlotAsync(services, (await AddDoctorAsync(services)).Id, Now.UtcDateTime.AddDays(1));
        var holder = await BookAsync(services, (await AddPatientAsync(services)).Id, slot.Id);
        var waiters = new List<(Guid Id, string Phone)>();
        for (var i = 0; i < waiting; i++)
        {
            waiters.Add(await WaitAsync(services, slot.Id));
        }

        await services.GetRequiredService<IAppointmentRepository>().TransitionAsync(holder.Id, AppointmentStatus.Cancelled, "patient called");
        return (slot, holder, waiters);
    }

    private static async Task<(Guid Id, string Phone)> WaitAsync(IServiceProvider services, Guid slotId)
    {
        var patient = await AddPatientAsync(services);
        var time = services.GetRequiredService<TimeProvider>();

        // A tick apart, so arrival order is unambiguous.
        ((FakeTimeProvider)time).Advance(TimeSpan.FromMilliseconds(1));
        var entry = new WaitlistEntry { Id = Guid.CreateVersion7(), SlotId = slotId, PatientId = patient.Id, CreatedAt = time.GetUtcNow().UtcDateTime };
        Assert.True(await services.GetRequiredService<IWaitlistRepository>().TryAddAsync(entry));
        return patient;
    }

    private static List<Guid> OffersInOrder(IReadOnlyList<WaitlistOffer> offers, RecordingOutbox outbox)
    {
        var byCorrelation = offers.ToDictionary(o => $"offer/{o.Id}", o => o.PatientId);
        return outbox.Enqueued.Where(m => byCorrelation.ContainsKey(m.Correlation)).Select(m => byCorrelation[m.Correlation]).ToList();
    }

    private static async Task<long> HoldingAsync(IServiceProvider services, Guid slotId)
    {
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM appointment WHERE slot_id = @SlotId AND status IN ('booked', 'confirmed')", new { SlotId = slotId });
    }

    private static async Task<List<Guid>> WaitingAsync(IServiceProvider services, Guid slotId) =>
        (await services.GetRequiredService<IWaitlistRepository>().ListForSlotAsync(slotId)).Select(e => e.PatientId).ToList();
}
