using CallCenter.Core.Reminders;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CallCenter.Core.Tests.Reminders.ReminderTestServices;

namespace CallCenter.Core.Tests.Reminders;

public sealed class NoShowTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(Now);
    private readonly RecordingOutbox _outbox = new();

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task MarkNoShows_AfterTheGrace_MarksOnlyWhoDidNotCheckInAndOnce(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time, _outbox);
        var repository = services.GetRequiredService<IAppointmentRepository>();
        var runs = services.GetRequiredService<ReminderRuns>();
        var slot = await AddSlotAsync(services, (await AddDoctorAsync(services)).Id, Now.UtcDateTime.AddHours(1), capacity: 3);
        var absent = await BookAsync(services, (await AddPatientAsync(services)).Id, slot.Id);
        var arrived = await BookAsync(services, (await AddPatientAsync(services)).Id, slot.Id);
        var confirmed = await BookAsync(services, (await AddPatientAsync(services)).Id, slot.Id);
        await repository.TransitionAsync(confirmed.Id, AppointmentStatus.Confirmed, null);

        _time.SetUtcNow(new DateTimeOffset(slot.StartsAt.AddMinutes(5)));
        await repository.CheckInAsync(arrived.Id);
        _time.SetUtcNow(new DateTimeOffset(slot.StartsAt.AddMinutes(19)));
        var early = await runs.MarkNoShowsAsync();
        _time.SetUtcNow(new DateTimeOffset(slot.StartsAt.AddMinutes(20)));
        var due = await runs.MarkNoShowsAsync();
        var again = await runs.MarkNoShowsAsync();

        Assert.Equal((0, 2, 0), (early, due, again));
        Assert.Equal(AppointmentStatus.NoShow, (await repository.FindAsync(absent.Id))!.Status);
        Assert.Equal(AppointmentStatus.NoShow, (await repository.FindAsync(confirmed.Id))!.Status);
        Assert.Equal(AppointmentStatus.Booked, (await repository.FindAsync(arrived.Id))!.Status);

        // Each no-show is heard: its patient is invited to book again.
        Assert.Equal(
            new[] { absent.PatientId, confirmed.PatientId }.ToHashSet(),
            _outbox.Enqueued.Where(m => m.Purpose == ReminderPurposes.NoShowRebooking).Select(m => m.PatientId).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task MarkNoShows_DepartmentGrace_IsHonoured(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time);
        var doctor = await AddDoctorAsync(services);
        await services.GetRequiredService<IDepartmentSettingsRepository>().SaveAsync(doctor.DepartmentId, new DepartmentVisitSettings(45, 30), Now.UtcDateTime);
        var slot = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddHours(1));
        var appointment = await BookAsync(services, (await AddPatientAsync(services)).Id, slot.Id);
        var repository = services.GetRequiredService<IAppointmentRepository>();

        _time.SetUtcNow(new DateTimeOffset(slot.StartsAt.AddMinutes(44)));
        await services.GetRequiredService<ReminderRuns>().MarkNoShowsAsync();
        var before = (await repository.FindAsync(appointment.Id))!.Status;
        _time.SetUtcNow(new DateTimeOffset(slot.StartsAt.AddMinutes(45)));
        await services.GetRequiredService<ReminderRuns>().MarkNoShowsAsync();

        Assert.Equal(AppointmentStatus.Booked, before);
        Assert.Equal(AppointmentStatus.NoShow, (await repository.FindAsync(appointment.Id))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task NoShowRecord_ThreeWithinNinetyDays_Flags_AndOlderOnesDoNotCount(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time);
        var repository = services.GetRequiredService<IAppointmentRepository>();
        var records = services.GetRequiredService<NoShowRecords>();
        var doctor = await AddDoctorAsync(services);
        var (patientId, _) = await AddPatientAsync(services);
        foreach (var daysAgo in new[] { 120, 60, 30 })
        {
            var slot = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddDays(-daysAgo));
            var appointment = new Appointment
            {
                Id = Guid.CreateVersion7(), PatientId = patientId, SlotId = slot.Id, Status = AppointmentStatus.Booked, Channel = AppointmentChannel.Phone,
                BookedAt = Now.UtcDateTime, UpdatedAt = Now.UtcDateTime,
            };
            Assert.Equal(BookingOutcome.Booked, await repository.BookAsync(appointment));
            await repository.TransitionAsync(appointment.Id, AppointmentStatus.NoShow, null);
        }

        var two = await records.ReadAsync(patientId);
        var slotToday = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddHours(-1));
        var today = await BookAsync(services, patientId, slotToday.Id);
        await repository.TransitionAsync(today.Id, AppointmentStatus.NoShow, null);
        var three = await records.ReadAsync(patientId);

        Assert.Equal((3, 2, false), (two.Total, two.Recent, two.Flagged));
        Assert.Equal((4, 3, true, 90, 3), (three.Total, three.Recent, three.Flagged, three.WindowDays, three.Threshold));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task NoShowRecord_ConfiguredThreshold_FlagsEarlier(string engine)
    {
        var settings = new Dictionary<string, string?> { ["Reminders:NoShowFlagCount"] = "1", ["Reminders:NoShowFlagDays"] = "7" };
        await using var services = Create(await fixture.GetAsync(engine), _time, settings: settings);
        var slot = await AddSlotAsync(services, (await AddDoctorAsync(services)).Id, Now.UtcDateTime.AddHours(-1));
        var (patientId, _) = await AddPatientAsync(services);
        var appointment = await BookAsync(services, patientId, slot.Id);
        await services.GetRequiredService<IAppointmentRepository>().TransitionAsync(appointment.Id, AppointmentStatus.NoShow, null);

        var record = await services.GetRequiredService<NoShowRecords>().ReadAsync(patientId);

        Assert.Equal((1, true, 7), (record.Recent, record.Flagged, record.WindowDays));
    }
}
