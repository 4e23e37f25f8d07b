using CallCenter.Core.Common;
using CallCenter.Core.Reminders;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Outbox;
using Notifications.Reminders;
using Notifications.Tests.Infrastructure;

namespace Notifications.Tests.Reminders;

/// <summary>
/// Reminders through the real outbox, on a real database, sent to the real carrier simulator: booking writes the
/// outbox rows in the booking's transaction, cancelling withdraws them, moving withdraws and writes them again for the
/// new time, a due confirmation request reaches the patient's phone, and a late booking asks for confirmation at once.
/// </summary>
public sealed class ReminderOutboxTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_FiveDaysAhead_WritesTheRowsAndSendsTheConfirmationRequestWhenDue(string engine)
    {
        await using var harness = await StartAsync(engine);
        var phone = UniqueData.ChinaMobile();
        var patient = await harness.AddPatientAsync(phone);
        var startsAt = harness.Now.AddDays(5);
        var slot = await AddSlotAsync(harness, startsAt);

        var appointment = await BookAsync(harness, patient.Id, slot.Id);

        var rows = await RowsAsync(harness, patient.Id);
        Assert.Equal(
            [(NotificationPurposes.AppointmentConfirmation, startsAt.AddHours(-72), NotificationStatuses.Pending), (NotificationPurposes.AppointmentReminder, startsAt.AddHours(-24), NotificationStatuses.Pending)],
            rows.Select(r => (r.Purpose, r.DueAt, r.Status)).ToList());
        Assert.All(rows, r => Assert.Equal((phone, "sms", "zh-CN", (DateTime?)startsAt), (r.Recipient, r.Channel, r.Language, r.ExpiresAt)));
        Assert.All(rows, r => Assert.StartsWith("reminder/", r.Correlation, StringComparison.Ordinal));
        Assert.Contains(patient.FullName, rows[0].Body, StringComparison.Ordinal);
        Assert.Contains("回复1确认", rows[0].Body, StringComparison.Ordinal);
        Assert.Contains("心内科", rows[0].Body, StringComparison.Ordinal);
        Assert.Contains(ShanghaiTime(startsAt, "M月d日 HH:mm"), rows[0].Body, StringComparison.Ordinal);

        // Nothing goes before it is due; at its moment the request reaches the patient's phone at the carrier.
        await harness.DispatchAllAsync();
        Assert.Empty(await harness.AtCarrierAsync(phone));
        harness.Time.SetUtcNow(new DateTimeOffset(startsAt.AddHours(-72)));
        await harness.DispatchAllAsync();
        var sent = Assert.Single(await harness.AtCarrierAsync(phone));
        Assert.Equal(rows[0].Body, sent.Body);
        Assert.Equal(AppointmentStatus.Booked, (await harness.Hub.GetRequiredService<IAppointmentRepository>().FindAsync(appointment.Id))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_ListenerFails_NoOutboxRowOutlivesTheRolledBackBooking(string engine)
    {
        await using var harness = await StartAsync(engine, services => services.AddSingleton<IAppointmentChangeListener, FailingListener>());
        var patient = await harness.AddPatientAsync(UniqueData.ChinaMobile());
        var slot = await AddSlotAsync(harness, harness.Now.AddDays(5));

        await Assert.ThrowsAsync<InvalidOperationException>(() => BookAsync(harness, patient.Id, slot.Id));

        Assert.Empty(await RowsAsync(harness, patient.Id));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Cancel_WithdrawsEveryPendingRow_NothingIsSentEvenWhenDue(string engine)
    {
        await using var harness = await StartAsync(engine);
        var phone = UniqueData.ChinaMobile();
        var patient = await harness.AddPatientAsync(phone);
        var startsAt = harness.Now.AddDays(5);
        var appointment = await BookAsync(harness, patient.Id, (await AddSlotAsync(harness, startsAt)).Id);

        Assert.Equal(TransitionOutcome.Done, (await harness.Hub.GetRequiredService<IAppointmentRepository>().TransitionAsync(appointment.Id, AppointmentStatus.Cancelled, "patient called")).Outcome);
        harness.Time.SetUtcNow(new DateTimeOffset(startsAt.AddHours(-1)));
        await harness.DispatchAllAsync();

        var rows = await RowsAsync(harness, patient.Id);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(NotificationStatuses.Cancelled, r.Status));
        Assert.Empty(await harness.AtCarrierAsync(phone));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Move_WithdrawsTheOldRowsAndWritesThemForTheNewTime(string engine)
    {
        await using var harness = await StartAsync(engine);
        var patient = await harness.AddPatientAsync(UniqueData.ChinaMobile());
        var first = await AddSlotAsync(harness, harness.Now.AddDays(5));
        var later = await AddSlotAsync(harness, harness.Now.AddDays(8));
        var appointment = await BookAsync(harness, patient.Id, first.Id);

        Assert.Equal(MoveOutcome.Moved, (await harness.Hub.GetRequiredService<IAppointmentRepository>().MoveAsync(appointment.Id, later.Id)).Outcome);

        var rows = await RowsAsync(harness, patient.Id);
        Assert.Equal(
            [NotificationStatuses.Cancelled, NotificationStatuses.Cancelled],
            rows.Where(r => r.ExpiresAt == first.StartsAt).Select(r => r.Status).ToList());
        Assert.Equal(
            [(NotificationPurposes.AppointmentConfirmation, later.StartsAt.AddHours(-72)), (NotificationPurposes.AppointmentReminder, later.StartsAt.AddHours(-24))],
            rows.Where(r => r.Status == NotificationStatuses.Pending).Select(r => (r.Purpose, r.DueAt)).ToList());
        Assert.All(rows.Where(r => r.Status == NotificationStatuses.Pending), r => Assert.Equal(later.StartsAt, r.ExpiresAt));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_ForTomorrow_AsksForConfirmationAtOnceAndSkipsThePassedReminder(string engine)
    {
        await using var harness = await StartAsync(engine);
        var phone = UniqueData.ChinaMobile();
        var patient = await harness.AddPatientAsync(phone);
        var startsAt = harness.Now.AddHours(20);

        await BookAsync(harness, patient.Id, (await AddSlotAsync(harness, startsAt)).Id);

        var row = Assert.Single(await RowsAsync(harness, patient.Id));
        Assert.Equal((NotificationPurposes.AppointmentConfirmation, harness.Now, (DateTime?)startsAt), (row.Purpose, row.DueAt, row.ExpiresAt));
        await harness.DispatchAllAsync();
        Assert.Contains("回复1确认", Assert.Single(await harness.AtCarrierAsync(phone)).Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_PlanStepOnVoice_IsAReminderCallToTheMobile(string engine)
    {
        await using var harness = await StartAsync(engine);
        var phone = UniqueData.ChinaMobile();
        var patient = await harness.AddPatientAsync(phone);
        var slot = await AddSlotAsync(harness, harness.Now.AddDays(5));
        var departmentId = (await harness.Hub.GetRequiredService<IDoctorRepository>().FindAsync(slot.DoctorId))!.DepartmentId;
        await harness.Hub.GetRequiredService<IReminderPlanRepository>().SaveAsync(
            departmentId, new ReminderPlan([new ReminderStep(48 * 60, ReminderPurposes.Confirmation, ReminderChannels.Voice)]), harness.Now);

        await BookAsync(harness, patient.Id, slot.Id);

        var row = Assert.Single(await RowsAsync(harness, patient.Id));
        Assert.Equal((NotificationChannels.Voice, phone, "appointment-confirmation/voice"), (row.Channel, row.Recipient, row.TemplateKey));
        Assert.Contains("按1确认，按2取消", row.Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_PatientPrefersCalls_SmsStepsGoAsCalls(string engine)
    {
        await using var harness = await StartAsync(engine);
        var phone = UniqueData.ChinaMobile();
        var patient = await harness.AddPatientAsync(phone);
        await using (var connection = await harness.Hub.GetRequiredService<CallCenter.Core.Data.IDbConnectionFactory>().OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE patient SET preferred_contact_channel = 'voice' WHERE id = @Id", new { patient.Id });
        }

        await BookAsync(harness, patient.Id, (await AddSlotAsync(harness, harness.Now.AddDays(5))).Id);

        var rows = await RowsAsync(harness, patient.Id);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((NotificationChannels.Voice, phone), (r.Channel, r.Recipient)));
    }

    private async Task<OutboxHarness> StartAsync(string engine, Action<IServiceCollection>? configure = null) =>
        await OutboxHarness.StartAsync(await fixture.GetAsync(engine), configure: services =>
        {
            services.AddSingleton<IReminderOutbox, NotificationReminderOutbox>();
            configure?.Invoke(services);
        });

    private static async Task<Slot> AddSlotAsync(OutboxHarness harness, DateTime startsAt)
    {
        var services = harness.Hub;
        var department = new Department { Id = Guid.CreateVersion7(), Code = UniqueData.Name("D"), Name = "心内科", NameEn = "Cardiology", CreatedAt = harness.Now };
        Assert.True(await services.GetRequiredService<IDepartmentRepository>().TryCreateAsync(department));
        var doctor = new Doctor { Id = Guid.CreateVersion7(), DepartmentId = department.Id, Name = UniqueData.Name("dr"), CreatedAt = harness.Now };
        await services.GetRequiredService<IDoctorRepository>().CreateAsync(doctor);
        var slot = new Slot { Id = Guid.CreateVersion7(), DoctorId = doctor.Id, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(30), Capacity = 1, CreatedAt = harness.Now };
        Assert.Equal(SlotCreateOutcome.Created, await services.GetRequiredService<ISlotRepository>().CreateAsync(slot));
        return slot;
    }

    private static async Task<Appointment> BookAsync(OutboxHarness harness, Guid patientId, Guid slotId)
    {
        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(), PatientId = patientId, SlotId = slotId, Status = AppointmentStatus.Booked, Channel = AppointmentChannel.Phone,
            BookedAt = harness.Now, UpdatedAt = harness.Now,
        };
        Assert.Equal(BookingOutcome.Booked, await harness.Hub.GetRequiredService<IAppointmentRepository>().BookAsync(appointment));
        return appointment;
    }

    private static async Task<List<Notification>> RowsAsync(OutboxHarness harness, Guid patientId) =>
        [.. (await harness.Rows.ListAsync(new NotificationQuery(PatientId: patientId), new PageRequest(1, 100), CancellationToken.None)).Items
            .OrderBy(r => r.ExpiresAt).ThenBy(r => r.DueAt)];

    private static string ShanghaiTime(DateTime utc, string format) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    private sealed class FailingListener : IAppointmentChangeListener
    {
        public Task OnChangedAsync(AppointmentChange change, System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("listener failed");
    }
}
