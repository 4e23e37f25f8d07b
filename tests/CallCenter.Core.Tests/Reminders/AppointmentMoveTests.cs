using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CallCenter.Core.Tests.Reminders.ReminderTestServices;

namespace CallCenter.Core.Tests.Reminders;

public sealed class AppointmentMoveTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(Now);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Move_ToSlotWithRoom_TakesThePlaceThereAndGivesBackTheOld(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time);
        var doctor = await AddDoctorAsync(services);
        var from = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddDays(1));
        var to = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddDays(2));
        var appointment = await BookAsync(services, (await AddPatientAsync(services)).Id, from.Id);
        var listener = new RecordingListener();

        await using var heard = Create(await fixture.GetAsync(engine), _time, configure: s => s.AddSingleton<IAppointmentChangeListener>(listener));
        var result = await heard.GetRequiredService<IAppointmentRepository>().MoveAsync(appointment.Id, to.Id);

        Assert.Equal(MoveOutcome.Moved, result.Outcome);
        Assert.Equal((to.Id, to.StartsAt, AppointmentStatus.Booked), (result.Appointment!.SlotId, result.Appointment.StartsAt, result.Appointment.Status));
        Assert.Equal((1, 0), (await FreeAsync(services, from.Id), await FreeAsync(services, to.Id)));
        var change = Assert.Single(listener.Changes);
        Assert.Equal(
            (AppointmentChangeKind.Moved, to.Id, to.StartsAt, from.Id, from.StartsAt, doctor.DepartmentId),
            (change.Kind, change.SlotId, change.StartsAt, change.PreviousSlotId, change.PreviousStartsAt, change.PreviousDepartmentId));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Move_ToFullSlot_ReturnsSlotFullAndChangesNothing(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time);
        var doctor = await AddDoctorAsync(services);
        var from = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddDays(1));
        var full = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddDays(2));
        await BookAsync(services, (await AddPatientAsync(services)).Id, full.Id);
        var appointment = await BookAsync(services, (await AddPatientAsync(services)).Id, from.Id);

        var result = await services.GetRequiredService<IAppointmentRepository>().MoveAsync(appointment.Id, full.Id);

        Assert.Equal(MoveOutcome.SlotFull, result.Outcome);
        Assert.Equal(from.Id, result.Appointment!.SlotId);
        Assert.Equal((0, 0), (await FreeAsync(services, from.Id), await FreeAsync(services, full.Id)));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Move_CancelledCheckedInPastOrUnknown_IsRefused(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time);
        var repository = services.GetRequiredService<IAppointmentRepository>();
        var doctor = await AddDoctorAsync(services);
        var from = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddDays(1), capacity: 3);
        var to = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddDays(2), capacity: 3);
        var past = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddHours(-2));
        var cancelled = await BookAsync(services, (await AddPatientAsync(services)).Id, from.Id);
        await repository.TransitionAsync(cancelled.Id, AppointmentStatus.Cancelled, null);
        var checkedIn = await BookAsync(services, (await AddPatientAsync(services)).Id, from.Id);
        await repository.CheckInAsync(checkedIn.Id);
        var active = await BookAsync(services, (await AddPatientAsync(services)).Id, from.Id);

        Assert.Equal(MoveOutcome.NotAllowed, (await repository.MoveAsync(cancelled.Id, to.Id)).Outcome);
        Assert.Equal(MoveOutcome.NotAllowed, (await repository.MoveAsync(checkedIn.Id, to.Id)).Outcome);
        Assert.Equal(MoveOutcome.SlotInPast, (await repository.MoveAsync(active.Id, past.Id)).Outcome);
        Assert.Equal(MoveOutcome.SlotNotFound, (await repository.MoveAsync(active.Id, Guid.NewGuid())).Outcome);
        Assert.Equal(MoveOutcome.SameSlot, (await repository.MoveAsync(active.Id, from.Id)).Outcome);
        Assert.Equal(MoveOutcome.NotFound, (await repository.MoveAsync(Guid.NewGuid(), to.Id)).Outcome);
        Assert.Equal((1, 3), (await FreeAsync(services, from.Id), await FreeAsync(services, to.Id)));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Move_TenAppointmentsRaceForTheLastPlace_OneMovesAndCountsStayTrue(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time);
        var repository = services.GetRequiredService<IAppointmentRepository>();
        var doctor = await AddDoctorAsync(services);
        var from = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddDays(1), capacity: 10);
        var to = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddDays(2));
        var appointments = new List<Appointment>();
        for (var i = 0; i < 10; i++)
        {
            appointments.Add(await BookAsync(services, (await AddPatientAsync(services)).Id, from.Id));
        }

        var results = await Task.WhenAll(appointments.Select(a => Task.Run(() => repository.MoveAsync(a.Id, to.Id))));

        Assert.Equal(1, results.Count(r => r.Outcome == MoveOutcome.Moved));
        Assert.Equal(9, results.Count(r => r.Outcome == MoveOutcome.SlotFull));
        Assert.Equal((1, 0), (await FreeAsync(services, from.Id), await FreeAsync(services, to.Id)));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CheckIn_Once_ThenRefusedAndNeverANoShow(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time);
        var repository = services.GetRequiredService<IAppointmentRepository>();
        var slot = await AddSlotAsync(services, (await AddDoctorAsync(services)).Id, Now.UtcDateTime.AddHours(1));
        var appointment = await BookAsync(services, (await AddPatientAsync(services)).Id, slot.Id);

        var first = await repository.CheckInAsync(appointment.Id);
        var second = await repository.CheckInAsync(appointment.Id);
        var noShow = await repository.TransitionAsync(appointment.Id, AppointmentStatus.NoShow, null);
        var completed = await repository.TransitionAsync(appointment.Id, AppointmentStatus.Completed, null);

        Assert.Equal((TransitionOutcome.Done, Now.UtcDateTime), (first.Outcome, first.Appointment!.CheckedInAt!.Value));
        Assert.Equal(TransitionOutcome.NotAllowed, second.Outcome);
        Assert.Equal(TransitionOutcome.NotAllowed, noShow.Outcome);
        Assert.Equal(TransitionOutcome.Done, completed.Outcome);
        Assert.Equal(TransitionOutcome.NotFound, (await repository.CheckInAsync(Guid.NewGuid())).Outcome);
    }

    private sealed class RecordingListener : IAppointmentChangeListener
    {
        public List<AppointmentChange> Changes { get; } = [];

        public Task OnChangedAsync(AppointmentChange change, System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken)
        {
            Changes.Add(change);
            return Task.CompletedTask;
        }
    }
}
