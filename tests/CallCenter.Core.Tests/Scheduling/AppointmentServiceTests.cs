using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CallCenter.Core.Tests.Scheduling.SchedulingTestData;

namespace CallCenter.Core.Tests.Scheduling;

public sealed class AppointmentServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_SlotAlreadyStarted_ReturnsSlotInPastAndTakesNoPlace(string engine)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(Monday.AddHours(9)));
        await using var services = (await fixture.GetAsync(engine)).CreateServices(time);
        var service = services.GetRequiredService<AppointmentService>();
        var slot = await AddSlotAsync(services, capacity: 2, startsAt: Monday.AddHours(9));
        var agent = (await AddUserAsync(services, Roles.Agent)).ToActor();

        var result = await service.BookAsync(agent, new BookingRequest(await AddPatientAsync(services), slot.Id, AppointmentChannel.Phone, null));

        Assert.Equal(BookingOutcome.SlotInPast, result.Outcome);
        Assert.Equal(0, await BookedCountAsync(services, slot.Id));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_PatientAssignedToAnotherAgent_ReturnsPatientNotFoundAndAuditsDenied(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var service = services.GetRequiredService<AppointmentService>();
        var owner = await AddUserAsync(services, Roles.Agent);
        var other = (await AddUserAsync(services, Roles.Agent)).ToActor();
        var patient = await AddPatientAsync(services, assignedUserId: owner.Id);
        var slot = await AddSlotAsync(services, capacity: 2);

        var denied = await service.BookAsync(other, new BookingRequest(patient, slot.Id, AppointmentChannel.Phone, null));
        var allowed = await service.BookAsync(owner.ToActor(), new BookingRequest(patient, slot.Id, AppointmentChannel.Phone, null));
        var audit = await AuditForPatientAsync(services, patient);

        Assert.Equal(BookingOutcome.PatientNotFound, denied.Outcome);
        Assert.Equal(BookingOutcome.Booked, allowed.Outcome);
        Assert.Equal(1, await BookedCountAsync(services, slot.Id));
        Assert.Contains(audit, e => e.UserId == other.UserId && e.Operation == "appointment.book" && e.Outcome == AuditOutcomes.Denied);
        Assert.Contains(audit, e => e.UserId == owner.Id && e.Operation == "appointment.book" && e.Outcome == AuditOutcomes.Success);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task GetAndTransition_OutOfScope_ReturnNotFoundAndChangeNothing(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var service = services.GetRequiredService<AppointmentService>();
        var owner = await AddUserAsync(services, Roles.Agent);
        var other = (await AddUserAsync(services, Roles.Agent)).ToActor();
        var supervisor = (await AddUserAsync(services, Roles.Supervisor)).ToActor();
        var patient = await AddPatientAsync(services, assignedUserId: owner.Id);
        var slot = await AddSlotAsync(services, capacity: 2);
        var booked = await service.BookAsync(owner.ToActor(), new BookingRequest(patient, slot.Id, AppointmentChannel.Agent, null));
        var id = booked.Appointment!.Id;

        Assert.Null(await service.GetAsync(other, id));
        Assert.Equal(TransitionOutcome.NotFound, (await service.TransitionAsync(other, id, AppointmentStatus.Cancelled)).Outcome);
        Assert.Null(await service.ListForPatientAsync(other, patient, upcoming: true, new PageRequest(1, 50)));
        Assert.NotNull(await service.GetAsync(supervisor, id));
        Assert.Equal(1, await BookedCountAsync(services, slot.Id));
        Assert.Equal(AppointmentStatus.Booked, (await service.GetAsync(owner.ToActor(), id))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Transition_EveryCall_WritesAuditWithPatientId(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var service = services.GetRequiredService<AppointmentService>();
        var agent = (await AddUserAsync(services, Roles.Agent)).ToActor();
        var patient = await AddPatientAsync(services);
        var slot = await AddSlotAsync(services);
        var id = (await service.BookAsync(agent, new BookingRequest(patient, slot.Id, AppointmentChannel.Phone, null))).Appointment!.Id;

        await service.TransitionAsync(agent, id, AppointmentStatus.Confirmed);
        await service.TransitionAsync(agent, id, AppointmentStatus.Confirmed);
        await service.GetAsync(agent, id);
        var audit = await AuditForPatientAsync(services, patient);

        Assert.Equal(
            new[] { "appointment.book:success", "appointment.confirmed:failed", "appointment.confirmed:success", "appointment.read:success" },
            audit.Select(e => $"{e.Operation}:{e.Outcome}").Order(StringComparer.Ordinal));
    }
}
