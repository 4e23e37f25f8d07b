using CallCenter.Core.Common;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CallCenter.Core.Tests.Scheduling.SchedulingTestData;

namespace CallCenter.Core.Tests.Scheduling;

public sealed class AppointmentRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_ThirtyInParallelOnCapacityThree_ExactlyThreeSucceed(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var appointments = services.GetRequiredService<IAppointmentRepository>();
        var slot = await AddSlotAsync(services, capacity: 3);
        var patients = new List<Guid>();
        for (var i = 0; i < 30; i++)
        {
            patients.Add(await AddPatientAsync(services));
        }

        // Each call opens its own connection: 30 transactions race for 3 places.
        var outcomes = await Task.WhenAll(patients.Select(p => Task.Run(() => appointments.BookAsync(NewAppointment(p, slot.Id)))));

        Assert.Equal(3, outcomes.Count(o => o == BookingOutcome.Booked));
        Assert.Equal(27, outcomes.Count(o => o == BookingOutcome.SlotFull));
        Assert.Equal(3, await BookedCountAsync(services, slot.Id));
        Assert.Equal(3, await CountHoldingAsync(services, slot.Id));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task BookAndCancel_InParallel_BookedCountEqualsHoldingAppointments(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var appointments = services.GetRequiredService<IAppointmentRepository>();
        var slot = await AddSlotAsync(services, capacity: 5);
        var existing = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var appointment = NewAppointment(await AddPatientAsync(services), slot.Id);
            Assert.Equal(BookingOutcome.Booked, await appointments.BookAsync(appointment));
            existing.Add(appointment.Id);
        }

        var newcomers = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            newcomers.Add(await AddPatientAsync(services));
        }

        // Every existing appointment is cancelled twice at once: only one of each pair may give a place back.
        var cancels = existing.Concat(existing).Select(id => Task.Run(() => appointments.TransitionAsync(id, AppointmentStatus.Cancelled, "moved"))).ToList();
        var books = newcomers.Select(p => Task.Run(() => appointments.BookAsync(NewAppointment(p, slot.Id)))).ToList();
        var cancelled = await Task.WhenAll(cancels);
        var booked = await Task.WhenAll(books);

        Assert.Equal(5, cancelled.Count(r => r.Outcome == TransitionOutcome.Done));
        Assert.True(booked.Count(o => o == BookingOutcome.Booked) <= 5);
        Assert.Equal(await CountHoldingAsync(services, slot.Id), await BookedCountAsync(services, slot.Id));
        Assert.Equal(booked.Count(o => o == BookingOutcome.Booked), await BookedCountAsync(services, slot.Id));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_SamePatientTwiceOnSlot_ReturnsAlreadyBooked(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var appointments = services.GetRequiredService<IAppointmentRepository>();
        var slot = await AddSlotAsync(services, capacity: 3);
        var patient = await AddPatientAsync(services);
        var first = NewAppointment(patient, slot.Id);

        Assert.Equal(BookingOutcome.Booked, await appointments.BookAsync(first));
        Assert.Equal(BookingOutcome.AlreadyBooked, await appointments.BookAsync(NewAppointment(patient, slot.Id, AppointmentChannel.Web)));
        Assert.Equal(1, await BookedCountAsync(services, slot.Id));

        // Once cancelled, the same patient may book the slot again.
        await appointments.TransitionAsync(first.Id, AppointmentStatus.Cancelled, null);
        Assert.Equal(BookingOutcome.Booked, await appointments.BookAsync(NewAppointment(patient, slot.Id, AppointmentChannel.Kiosk)));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_UnknownSlot_ReturnsSlotNotFound(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();

        var outcome = await services.GetRequiredService<IAppointmentRepository>().BookAsync(NewAppointment(await AddPatientAsync(services), Guid.NewGuid()));

        Assert.Equal(BookingOutcome.SlotNotFound, outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Transition_FollowsAllowedPathsAndRefusesFromFinalStates(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var appointments = services.GetRequiredService<IAppointmentRepository>();
        var slot = await AddSlotAsync(services, capacity: 3);
        var appointment = NewAppointment(await AddPatientAsync(services), slot.Id, AppointmentChannel.WalkIn);
        await appointments.BookAsync(appointment);

        var confirmed = await appointments.TransitionAsync(appointment.Id, AppointmentStatus.Confirmed, null);
        var confirmedAgain = await appointments.TransitionAsync(appointment.Id, AppointmentStatus.Confirmed, null);
        var completed = await appointments.TransitionAsync(appointment.Id, AppointmentStatus.Completed, null);
        var cancelAfterComplete = await appointments.TransitionAsync(appointment.Id, AppointmentStatus.Cancelled, "late");
        var noShowAfterComplete = await appointments.TransitionAsync(appointment.Id, AppointmentStatus.NoShow, null);

        Assert.Equal(TransitionOutcome.Done, confirmed.Outcome);
        Assert.Equal(AppointmentStatus.Confirmed, confirmed.Appointment!.Status);
        Assert.Equal(TransitionOutcome.NotAllowed, confirmedAgain.Outcome);
        Assert.Equal(TransitionOutcome.Done, completed.Outcome);
        Assert.Equal(TransitionOutcome.NotAllowed, cancelAfterComplete.Outcome);
        Assert.Equal(AppointmentStatus.Completed, cancelAfterComplete.Appointment!.Status);
        Assert.Equal(TransitionOutcome.NotAllowed, noShowAfterComplete.Outcome);
        Assert.Equal(AppointmentChannel.WalkIn, completed.Appointment!.Channel);

        // A completed visit still used its place.
        Assert.Equal(1, await BookedCountAsync(services, slot.Id));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Cancel_Booked_GivesPlaceBackAndKeepsReason(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var appointments = services.GetRequiredService<IAppointmentRepository>();
        var slot = await AddSlotAsync(services, capacity: 1);
        var appointment = NewAppointment(await AddPatientAsync(services), slot.Id);
        await appointments.BookAsync(appointment);
        Assert.Equal(BookingOutcome.SlotFull, await appointments.BookAsync(NewAppointment(await AddPatientAsync(services), slot.Id)));

        var cancelled = await appointments.TransitionAsync(appointment.Id, AppointmentStatus.Cancelled, "feels better");
        var confirmAfterCancel = await appointments.TransitionAsync(appointment.Id, AppointmentStatus.Confirmed, null);

        Assert.Equal(TransitionOutcome.Done, cancelled.Outcome);
        Assert.Equal("feels better", cancelled.Appointment!.CancelReason);
        Assert.Equal(TransitionOutcome.NotAllowed, confirmAfterCancel.Outcome);
        Assert.Equal(0, await BookedCountAsync(services, slot.Id));
        Assert.Equal(BookingOutcome.Booked, await appointments.BookAsync(NewAppointment(await AddPatientAsync(services), slot.Id)));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Transition_UnknownAppointment_ReturnsNotFound(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();

        var result = await services.GetRequiredService<IAppointmentRepository>().TransitionAsync(Guid.NewGuid(), AppointmentStatus.Cancelled, null);

        Assert.Equal(TransitionOutcome.NotFound, result.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ListForPatient_SplitsUpcomingAndPast(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var appointments = services.GetRequiredService<IAppointmentRepository>();
        var patient = await AddPatientAsync(services);
        var early = await AddSlotAsync(services, startsAt: Monday.AddHours(8));
        var middle = await AddSlotAsync(services, startsAt: Monday.AddHours(10));
        var late = await AddSlotAsync(services, startsAt: Monday.AddHours(12));
        foreach (var slot in new[] { middle, late, early })
        {
            await appointments.BookAsync(NewAppointment(patient, slot.Id));
        }

        var now = Monday.AddHours(9);
        var upcoming = await appointments.ListForPatientAsync(patient, upcoming: true, now, new PageRequest(1, 50));
        var past = await appointments.ListForPatientAsync(patient, upcoming: false, now, new PageRequest(1, 50));

        Assert.Equal([middle.Id, late.Id], upcoming.Items.Select(a => a.SlotId));
        Assert.Equal([early.Id], past.Items.Select(a => a.SlotId));
        Assert.Equal(Monday.AddHours(10), upcoming.Items[0].StartsAt);
    }
}
