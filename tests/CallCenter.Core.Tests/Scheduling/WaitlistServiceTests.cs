using CallCenter.Core.Accounts;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CallCenter.Core.Tests.Scheduling.SchedulingTestData;

namespace CallCenter.Core.Tests.Scheduling;

public sealed class WaitlistServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task List_FullSlot_ReturnsEntriesInArrivalOrder(string engine)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        await using var services = (await fixture.GetAsync(engine)).CreateServices(time);
        var waitlist = services.GetRequiredService<WaitlistService>();
        var agent = (await AddUserAsync(services, Roles.Agent)).ToActor();
        var slot = await FullSlotAsync(services);
        var patients = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            patients.Add(await AddPatientAsync(services));
        }

        // Added in reverse of creation order, a minute apart: arrival decides.
        foreach (var patient in Enumerable.Reverse(patients))
        {
            Assert.Equal(WaitlistAddOutcome.Added, (await waitlist.AddAsync(agent, slot.Id, patient, "any time")).Outcome);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        var entries = await waitlist.ListAsync(agent, slot.Id);

        Assert.Equal(Enumerable.Reverse(patients), entries!.Select(e => e.PatientId));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Add_Twice_ReturnsAlreadyWaiting(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var waitlist = services.GetRequiredService<WaitlistService>();
        var agent = (await AddUserAsync(services, Roles.Agent)).ToActor();
        var slot = await FullSlotAsync(services);
        var patient = await AddPatientAsync(services);

        Assert.Equal(WaitlistAddOutcome.Added, (await waitlist.AddAsync(agent, slot.Id, patient, null)).Outcome);
        Assert.Equal(WaitlistAddOutcome.AlreadyWaiting, (await waitlist.AddAsync(agent, slot.Id, patient, null)).Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Add_SlotWithFreePlace_ReturnsSlotHasRoom(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var agent = (await AddUserAsync(services, Roles.Agent)).ToActor();
        var slot = await AddSlotAsync(services, capacity: 2);

        var result = await services.GetRequiredService<WaitlistService>().AddAsync(agent, slot.Id, await AddPatientAsync(services), null);

        Assert.Equal(WaitlistAddOutcome.SlotHasRoom, result.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Remove_Entry_LeavesOthersAndHidesOutOfScopePatients(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var waitlist = services.GetRequiredService<WaitlistService>();
        var owner = await AddUserAsync(services, Roles.Agent);
        var other = (await AddUserAsync(services, Roles.Agent)).ToActor();
        var slot = await FullSlotAsync(services);
        var mine = (await waitlist.AddAsync(owner.ToActor(), slot.Id, await AddPatientAsync(services, owner.Id), null)).Entry!;
        var open = (await waitlist.AddAsync(other, slot.Id, await AddPatientAsync(services), null)).Entry!;

        Assert.False(await waitlist.RemoveAsync(other, slot.Id, mine.Id));
        Assert.Equal([open.Id], (await waitlist.ListAsync(other, slot.Id))!.Select(e => e.Id));
        Assert.True(await waitlist.RemoveAsync(owner.ToActor(), slot.Id, mine.Id));
        Assert.False(await waitlist.RemoveAsync(owner.ToActor(), slot.Id, mine.Id));
        Assert.Equal([open.Id], (await waitlist.ListAsync(owner.ToActor(), slot.Id))!.Select(e => e.Id));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_PatientOnWaitlist_TakesThemOffIt(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var waitlist = services.GetRequiredService<WaitlistService>();
        var agent = (await AddUserAsync(services, Roles.Agent)).ToActor();
        var slot = await AddSlotAsync(services, capacity: 1);
        var first = NewAppointment(await AddPatientAsync(services), slot.Id);
        await services.GetRequiredService<IAppointmentRepository>().BookAsync(first);
        var waiting = await AddPatientAsync(services);
        await waitlist.AddAsync(agent, slot.Id, waiting, null);

        await services.GetRequiredService<IAppointmentRepository>().TransitionAsync(first.Id, AppointmentStatus.Cancelled, null);
        var booked = await services.GetRequiredService<AppointmentService>().BookAsync(agent, new BookingRequest(waiting, slot.Id, AppointmentChannel.Phone, null));

        Assert.Equal(BookingOutcome.Booked, booked.Outcome);
        Assert.Empty((await waitlist.ListAsync(agent, slot.Id))!);
    }

    private static async Task<Slot> FullSlotAsync(IServiceProvider services)
    {
        var slot = await AddSlotAsync(services, capacity: 1);
        Assert.Equal(BookingOutcome.Booked, await services.GetRequiredService<IAppointmentRepository>().BookAsync(NewAppointment(await AddPatientAsync(services), slot.Id)));
        return slot;
    }
}
