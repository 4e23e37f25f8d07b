using CallCenter.Core.Common;
using CallCenter.Core.Data;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using static CallCenter.Core.Tests.Scheduling.SchedulingTestData;

namespace CallCenter.Core.Tests.Scheduling;

public sealed class SlotRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_ThenFind_ReturnsSlotWithDepartment(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var slots = services.GetRequiredService<ISlotRepository>();
        var doctor = await AddDoctorAsync(services);
        var slot = NewSlot(doctor.Id, Monday.AddHours(9), capacity: 3);

        Assert.Equal(SlotCreateOutcome.Created, await slots.CreateAsync(slot));
        var found = await slots.FindAsync(slot.Id);

        Assert.NotNull(found);
        Assert.Equal(doctor.DepartmentId, found.DepartmentId);
        Assert.Equal(slot.StartsAt, found.StartsAt);
        Assert.Equal(DateTimeKind.Utc, found.StartsAt.Kind);
        Assert.Equal(3, found.FreeCount);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_OverlappingSameDoctor_ReturnsOverlaps(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var slots = services.GetRequiredService<ISlotRepository>();
        var doctor = await AddDoctorAsync(services);
        await slots.CreateAsync(NewSlot(doctor.Id, Monday.AddHours(9), minutes: 30));

        var overlapping = await slots.CreateAsync(NewSlot(doctor.Id, Monday.AddHours(9).AddMinutes(15), minutes: 30));
        var sameStart = await slots.CreateAsync(NewSlot(doctor.Id, Monday.AddHours(9), minutes: 10));
        var adjacent = await slots.CreateAsync(NewSlot(doctor.Id, Monday.AddHours(9).AddMinutes(30), minutes: 30));
        var otherDoctor = await slots.CreateAsync(NewSlot((await AddDoctorAsync(services)).Id, Monday.AddHours(9), minutes: 30));

        Assert.Equal(SlotCreateOutcome.Overlaps, overlapping);
        Assert.Equal(SlotCreateOutcome.Overlaps, sameStart);
        Assert.Equal(SlotCreateOutcome.Created, adjacent);
        Assert.Equal(SlotCreateOutcome.Created, otherDoctor);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_UnknownDoctor_ReturnsDoctorNotFound(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();

        var outcome = await services.GetRequiredService<ISlotRepository>().CreateAsync(NewSlot(Guid.NewGuid(), Monday.AddHours(9)));

        Assert.Equal(SlotCreateOutcome.DoctorNotFound, outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task List_ByDoctorOnlyFree_ReturnsFreeSlotsOrderedByStartPaged(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var slots = services.GetRequiredService<ISlotRepository>();
        var doctor = await AddDoctorAsync(services);
        var late = NewSlot(doctor.Id, Monday.AddHours(11));
        var full = NewSlot(doctor.Id, Monday.AddHours(10));
        var early = NewSlot(doctor.Id, Monday.AddHours(9));
        var nextDay = NewSlot(doctor.Id, Monday.AddDays(1).AddHours(9));
        foreach (var slot in new[] { late, full, early, nextDay })
        {
            await slots.CreateAsync(slot);
        }

        var patient = await AddPatientAsync(services);
        Assert.Equal(BookingOutcome.Booked, await services.GetRequiredService<IAppointmentRepository>().BookAsync(NewAppointment(patient, full.Id)));

        var query = new SlotQuery(DoctorId: doctor.Id, From: Monday, To: Monday.AddDays(1), OnlyFree: true);
        var first = await slots.ListAsync(query, new PageRequest(1, 1));
        var second = await slots.ListAsync(query, new PageRequest(2, 1));
        var all = await slots.ListAsync(query with { OnlyFree = false }, new PageRequest(1, 50));
        var byDepartment = await slots.ListAsync(new SlotQuery(DepartmentId: doctor.DepartmentId), new PageRequest(1, 50));

        Assert.Equal([early.Id], first.Items.Select(s => s.Id));
        Assert.True(first.HasMore);
        Assert.Equal([late.Id], second.Items.Select(s => s.Id));
        Assert.False(second.HasMore);
        Assert.Equal([early.Id, full.Id, late.Id], all.Items.Select(s => s.Id));
        Assert.Equal(4, byDepartment.Items.Count);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CreateMany_Twice_CreatesOnlyMissingSlots(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var slots = services.GetRequiredService<ISlotRepository>();
        var doctor = await AddDoctorAsync(services);
        var existing = NewSlot(doctor.Id, Monday.AddHours(9).AddMinutes(10), minutes: 10);
        await slots.CreateAsync(existing);
        var plan = new SlotPlan
        {
            DoctorId = doctor.Id,
            FromDate = DateOnly.FromDateTime(Monday),
            ToDate = DateOnly.FromDateTime(Monday).AddDays(6),
            DailyStart = new TimeOnly(9, 0),
            DailyEnd = new TimeOnly(10, 0),
            SlotMinutes = 20,
            Capacity = 2,
            Weekdays = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Wednesday },
            TimeZoneId = "UTC",
        };
        var times = SlotGenerator.Expand(plan, TimeZoneInfo.Utc);

        var first = await slots.CreateManyAsync(doctor.Id, times, plan.Capacity);
        var second = await slots.CreateManyAsync(doctor.Id, times, plan.Capacity);
        var listed = await slots.ListAsync(new SlotQuery(DoctorId: doctor.Id), new PageRequest(1, 50));

        // 2 days x 3 slots; Monday 09:00-09:20 overlaps the existing 09:10-09:20 and is skipped.
        Assert.Equal(6, times.Count);
        Assert.Equal(5, first);
        Assert.Equal(0, second);
        Assert.Equal(6, listed.Items.Count);
        Assert.All(listed.Items.Where(s => s.Id != existing.Id), s => Assert.Equal(2, s.Capacity));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CreateMany_UnknownDoctor_ReturnsNull(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();

        var created = await services.GetRequiredService<ISlotRepository>().CreateManyAsync(
            Guid.NewGuid(), [new SlotTimes(Monday.AddHours(9), Monday.AddHours(10))], 1);

        Assert.Null(created);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Create_OverlappingInParallel_CreatesExactlyOne(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices();
        var slots = services.GetRequiredService<ISlotRepository>();
        var doctor = await AddDoctorAsync(services);

        // Open connections first, so the creates below start together instead of queueing for new connections.
        var warm = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => services.GetRequiredService<IDbConnectionFactory>().OpenAsync()));
        foreach (var connection in warm)
        {
            await connection.DisposeAsync();
        }

        // Different start minutes that all overlap each other: only the doctor row lock keeps them apart.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 25).Select(i =>
            Task.Run(() => slots.CreateAsync(NewSlot(doctor.Id, Monday.AddHours(9).AddMinutes(i), minutes: 30)))));
        var listed = await slots.ListAsync(new SlotQuery(DoctorId: doctor.Id), new PageRequest(1, 50));

        Assert.Equal(1, outcomes.Count(o => o == SlotCreateOutcome.Created));
        Assert.Equal(24, outcomes.Count(o => o == SlotCreateOutcome.Overlaps));
        Assert.Single(listed.Items);
    }
}
