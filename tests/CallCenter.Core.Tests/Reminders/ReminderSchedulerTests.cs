using CallCenter.Core.Conversations;
using CallCenter.Core.Reminders;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Ivr.Flows.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CallCenter.Core.Tests.Reminders.ReminderTestServices;

namespace CallCenter.Core.Tests.Reminders;

public sealed class ReminderSchedulerTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly FakeTimeProvider _time = new(Now);
    private readonly RecordingOutbox _outbox = new();

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_FiveDaysAhead_SchedulesDefaultPlanAndOpensTheReplyWhenTheRequestIsDue(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time, _outbox);
        var (patientId, phone) = await AddPatientAsync(services);
        var doctor = await AddDoctorAsync(services);
        var startsAt = Now.UtcDateTime.AddDays(5);
        var slot = await AddSlotAsync(services, doctor.Id, startsAt);

        var appointment = await BookAsync(services, patientId, slot.Id);

        var rows = await RemindersAsync(services, appointment.Id);
        Assert.Equal(
            [(ReminderPurposes.Confirmation, startsAt.AddHours(-72), "scheduled"), (ReminderPurposes.Reminder, startsAt.AddHours(-24), "scheduled")],
            rows.Select(r => (r.Purpose, r.DueAt, r.Status)).ToList());
        Assert.Equal(rows.Select(r => ReminderScheduler.Correlation(r.Id)).ToHashSet(), _outbox.Pending.Select(m => m.Correlation).ToHashSet());
        Assert.All(_outbox.Pending, m => Assert.Equal((patientId, "sms", startsAt), (m.PatientId, m.Channel, m.SendBefore!.Value)));
        Assert.Equal(appointment.Id.ToString(), _outbox.Pending[0].Variables["appointmentId"]);

        // The confirmation's reply opens when the request is due, not at booking.
        var inbox = services.GetRequiredService<ISmsInbox>();
        Assert.Null(await inbox.PendingReplyAsync(phone, CancellationToken.None));
        _time.SetUtcNow(new DateTimeOffset(startsAt.AddHours(-72)));
        var pending = await inbox.PendingReplyAsync(phone, CancellationToken.None);
        Assert.Equal((ReplyPurposes.Appointment, appointment.Id), (pending?.Purpose, pending?.AppointmentId));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_TwoDaysAhead_AsksForConfirmationAtOnce(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time, _outbox);
        var (patientId, phone) = await AddPatientAsync(services);
        var slot = await AddSlotAsync(services, (await AddDoctorAsync(services)).Id, Now.UtcDateTime.AddDays(2));

        var appointment = await BookAsync(services, patientId, slot.Id);

        Assert.Equal(
            [(ReminderPurposes.Confirmation, Now.UtcDateTime), (ReminderPurposes.Reminder, slot.StartsAt.AddHours(-24))],
            (await RemindersAsync(services, appointment.Id)).Select(r => (r.Purpose, r.DueAt)).ToList());
        Assert.Equal((appointment.Id, ReplyPurposes.Appointment), ((await services.GetRequiredService<ISmsInbox>().PendingReplyAsync(phone, CancellationToken.None))?.AppointmentId, (await services.GetRequiredService<ISmsInbox>().PendingReplyAsync(phone, CancellationToken.None))?.Purpose));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_ForTomorrow_AsksForConfirmationAtOnceAndSkipsThePassedReminder(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time, _outbox);
        var (patientId, _) = await AddPatientAsync(services);
        var slot = await AddSlotAsync(services, (await AddDoctorAsync(services)).Id, Now.UtcDateTime.AddHours(20));

        var appointment = await BookAsync(services, patientId, slot.Id);

        Assert.Equal([(ReminderPurposes.Confirmation, Now.UtcDateTime)], (await RemindersAsync(services, appointment.Id)).Select(r => (r.Purpose, r.DueAt)).ToList());
        var message = Assert.Single(_outbox.Pending);
        Assert.Equal((Now.UtcDateTime, slot.StartsAt), (message.DueAt, message.SendBefore!.Value));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Move_WithdrawsTheOldRemindersAndSchedulesForTheNewTime(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time, _outbox);
        var (patientId, phone) = await AddPatientAsync(services);
        var doctor = await AddDoctorAsync(services);
        var first = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddDays(5));
        var later = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddDays(8));
        var appointment = await BookAsync(services, patientId, first.Id);
        var before = await RemindersAsync(services, appointment.Id);

        var moved = await services.GetRequiredService<IAppointmentRepository>().MoveAsync(appointment.Id, later.Id);

        Assert.Equal(MoveOutcome.Moved, moved.Outcome);
        var rows = await RemindersAsync(services, appointment.Id);
        Assert.All(rows.Where(r => before.Any(b => b.Id == r.Id)), r => Assert.Equal("withdrawn", r.Status));
        Assert.Equal(
            [later.StartsAt.AddHours(-72), later.StartsAt.AddHours(-24)],
            rows.Where(r => r.Status == "scheduled").Select(r => r.DueAt).ToList());
        Assert.Equal(2, _outbox.Pending.Count);
        Assert.All(_outbox.Pending, m => Assert.Equal(later.StartsAt, m.SendBefore));

        // Only the new request's reply opens, at its own moment.
        _time.SetUtcNow(new DateTimeOffset(first.StartsAt.AddHours(-72)));
        Assert.Null(await services.GetRequiredService<ISmsInbox>().PendingReplyAsync(phone, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Cancel_WhileTheReminderIsDue_WithdrawsEverythingAndClosesTheReply(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time, _outbox);
        var (patientId, phone) = await AddPatientAsync(services);
        var slot = await AddSlotAsync(services, (await AddDoctorAsync(services)).Id, Now.UtcDateTime.AddDays(5));
        var appointment = await BookAsync(services, patientId, slot.Id);

        // The confirmation request is due this very minute, and the 24-hour reminder is still to come.
        _time.SetUtcNow(new DateTimeOffset(slot.StartsAt.AddHours(-72)));
        var cancelled = await services.GetRequiredService<IAppointmentRepository>().TransitionAsync(appointment.Id, AppointmentStatus.Cancelled, "patient called");

        Assert.Equal(TransitionOutcome.Done, cancelled.Outcome);
        Assert.All(await RemindersAsync(services, appointment.Id), r => Assert.Equal("withdrawn", r.Status));
        Assert.Empty(_outbox.Pending);
        Assert.Null(await services.GetRequiredService<ISmsInbox>().PendingReplyAsync(phone, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Confirm_WithdrawsTheRequestNotYetSentAndKeepsTheReminder(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time, _outbox);
        var (patientId, _) = await AddPatientAsync(services);
        var slot = await AddSlotAsync(services, (await AddDoctorAsync(services)).Id, Now.UtcDateTime.AddDays(5));
        var appointment = await BookAsync(services, patientId, slot.Id);

        await services.GetRequiredService<IAppointmentRepository>().TransitionAsync(appointment.Id, AppointmentStatus.Confirmed, null);

        var rows = await RemindersAsync(services, appointment.Id);
        Assert.Equal(
            [(ReminderPurposes.Confirmation, "withdrawn"), (ReminderPurposes.Reminder, "scheduled")],
            rows.Select(r => (r.Purpose, r.Status)).ToList());
        Assert.Equal([ReminderPurposes.Reminder], _outbox.Pending.Select(m => m.Purpose).ToList());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_DepartmentWithItsOwnPlan_FollowsIt(string engine)
    {
        await using var services = Create(await fixture.GetAsync(engine), _time, _outbox);
        var (patientId, _) = await AddPatientAsync(services);
        var doctor = await AddDoctorAsync(services);
        var plan = new ReminderPlan([new ReminderStep(48 * 60, ReminderPurposes.Confirmation, ReminderChannels.Voice), new ReminderStep(120, ReminderPurposes.Reminder, ReminderChannels.Email)]);
        await services.GetRequiredService<IReminderPlanRepository>().SaveAsync(doctor.DepartmentId, plan, Now.UtcDateTime);
        var slot = await AddSlotAsync(services, doctor.Id, Now.UtcDateTime.AddDays(5));

        var appointment = await BookAsync(services, patientId, slot.Id);

        Assert.Equal(
            [(ReminderPurposes.Confirmation, "voice", slot.StartsAt.AddHours(-48)), (ReminderPurposes.Reminder, "email", slot.StartsAt.AddHours(-2))],
            (await RemindersAsync(services, appointment.Id)).Select(r => (r.Purpose, r.Channel, r.DueAt)).ToList());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_ListenerFails_RollsBackTheBookingAndItsReminders(string engine)
    {
        await using var services = Create(
            await fixture.GetAsync(engine), _time, _outbox, configure: s => s.AddSingleton<IAppointmentChangeListener, FailingListener>());
        var (patientId, _) = await AddPatientAsync(services);
        var slot = await AddSlotAsync(services, (await AddDoctorAsync(services)).Id, Now.UtcDateTime.AddDays(5));
        var appointment = NewAppointment(patientId, slot.Id);

        await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<IAppointmentRepository>().BookAsync(appointment));

        Assert.Null(await services.GetRequiredService<IAppointmentRepository>().FindAsync(appointment.Id));
        Assert.Equal(1, await FreeAsync(services, slot.Id));
        Assert.Empty(await RemindersAsync(services, appointment.Id));
    }

    private Appointment NewAppointment(Guid patientId, Guid slotId) => new()
    {
        Id = Guid.CreateVersion7(),
        PatientId = patientId,
        SlotId = slotId,
        Status = AppointmentStatus.Booked,
        Channel = AppointmentChannel.Web,
        BookedAt = _time.GetUtcNow().UtcDateTime,
        UpdatedAt = _time.GetUtcNow().UtcDateTime,
    };

    private sealed class FailingListener : IAppointmentChangeListener
    {
        public Task OnChangedAsync(AppointmentChange change, System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("listener failed");
    }
}
