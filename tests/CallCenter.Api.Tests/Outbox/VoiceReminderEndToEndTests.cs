using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Api.Tests.Telephony;
using CallCenter.Core.Accounts;
using CallCenter.Core.Data;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Channels.Voice;
using Notifications.Outbox;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Tests.Outbox;

/// <summary>
/// Reminder calls end to end: a patient who prefers calls books a visit, the confirmation request is due, the real
/// dispatcher places the call through the carrier simulator (Twilio's Calls API), the simulator answers and plays the
/// shipped flows/visit-reminder-call.json from the hub's webhooks, the phone presses keys, and the call's status
/// callbacks move the outbox row. On SQLite and PostgreSQL.
/// </summary>
public sealed class VoiceReminderEndToEndTests
{
    private static readonly TimeSpan GatherTimeout = TimeSpan.FromSeconds(6);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ReminderCall_PatientPresses1_AppointmentConfirmedRowDeliveredAnswerOnTimeline(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine, settings: null);
        var visit = await BookForCallsAsync(hub);

        var (phone, row) = await DispatchCallAsync(hub, visit);
        var call = await phone.PressAsync("1");
        var ended = await phone.WaitForStatusAsync("completed");

        Assert.Contains(call.Said, line => line.Text.Contains("To confirm, press 1", StringComparison.Ordinal) && line.Language == "en-US");
        Assert.DoesNotContain(ended.Transcript, line => line.Kind == "error");
        Assert.Contains(ended.Said, line => line.Text.StartsWith("Your appointment is confirmed", StringComparison.Ordinal));
        Assert.Equal(AppointmentStatus.Confirmed, (await Appointments(hub).FindAsync(visit.AppointmentId))!.Status);
        var final = await WaitForRowAsync(hub, row.Id, r => NotificationStatuses.Rank(r.Status) == 3);
        Assert.Equal((NotificationStatuses.Delivered, phone.CallSid, 1), (final.Status, final.CarrierId, final.Attempts));
        var timeline = await WaitForTimelineAsync(hub, visit.PatientId, "appointment-confirmation voice answer: confirmed");
        Assert.Contains("appointment-confirmation voice sent", timeline);
        Assert.Contains("appointment-confirmation voice delivered", timeline);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ReminderCall_PatientPresses2_AppointmentCancelledAndTheSlotFreed(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine, settings: null);
        var visit = await BookForCallsAsync(hub);
        Assert.Equal(0, (await Slots(hub).FindAsync(visit.SlotId))!.FreeCount);

        var (phone, row) = await DispatchCallAsync(hub, visit);
        await phone.PressAsync("2");
        var ended = await phone.WaitForStatusAsync("completed");

        Assert.Contains(ended.Said, line => line.Text.StartsWith("Your appointment has been cancelled", StringComparison.Ordinal));
        Assert.Equal(AppointmentStatus.Cancelled, (await Appointments(hub).FindAsync(visit.AppointmentId))!.Status);
        Assert.Equal(1, (await Slots(hub).FindAsync(visit.SlotId))!.FreeCount);
        await WaitForTimelineAsync(hub, visit.PatientId, "appointment-confirmation voice answer: cancelled");
        Assert.Equal(NotificationStatuses.Delivered, (await WaitForRowAsync(hub, row.Id, r => NotificationStatuses.Rank(r.Status) == 3)).Status);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ReminderCall_NoInputTwice_AppointmentUnchanged(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine, settings: null);
        var visit = await BookForCallsAsync(hub);

        var (phone, _) = await DispatchCallAsync(hub, visit);
        await phone.StaySilentAsync(hub.Factory.Time, GatherTimeout, times: 2);
        var ended = await phone.WaitForStatusAsync("completed");

        Assert.Equal(2, ended.Said.Count(line => line.Text.Contains("To confirm, press 1", StringComparison.Ordinal)));
        Assert.Contains(ended.Said, line => line.Text == "Sorry, we did not hear your choice.");
        Assert.Contains(ended.Said, line => line.Text.StartsWith("Your appointment stays as it is", StringComparison.Ordinal));
        Assert.Equal(AppointmentStatus.Booked, (await Appointments(hub).FindAsync(visit.AppointmentId))!.Status);
        await WaitForTimelineAsync(hub, visit.PatientId, "appointment-confirmation voice answer: no-input");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ReminderCall_StatusCallbacksRepeatedAndLate_MoveTheRowOnceAndTheTimelineOnce(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine, settings: null);
        var visit = await BookForCallsAsync(hub);
        var (phone, row) = await DispatchCallAsync(hub, visit);
        await phone.PressAsync("1");
        await phone.WaitForStatusAsync("completed");
        await WaitForTimelineAsync(hub, visit.PatientId, "appointment-confirmation voice answer: confirmed");

        var twilio = new TwilioWebhookClient(hub.Factory);
        var path = "/twilio/voice/outbound/status?notification=" + row.Id;
        var again = await twilio.PostAsync(path, twilio.CallStatusForm(phone.CallSid, CallStatus.Completed, sequence: 9, duration: 12));
        var late = await twilio.PostAsync(path, twilio.CallStatusForm(phone.CallSid, CallStatus.Ringing, sequence: 1));
        var busyLate = await twilio.PostAsync(path, twilio.CallStatusForm(phone.CallSid, CallStatus.Busy, sequence: 10));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], [again.StatusCode, late.StatusCode, busyLate.StatusCode]);
        var final = (await Rows(hub).FindAsync(row.Id, CancellationToken.None))!;
        Assert.Equal((NotificationStatuses.Delivered, 1, phone.CallSid), (final.Status, final.Attempts, final.CarrierId));
        var timeline = await TimelineAsync(hub, visit.PatientId);
        Assert.Single(timeline, s => s == "appointment-confirmation voice delivered");
        Assert.Single(timeline, s => s == "appointment-confirmation voice answer: confirmed");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ReminderCall_Busy_CalledAgainLaterThenUndeliveredAfterMaxCalls(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine, settings: null);
        var visit = await BookForCallsAsync(hub);
        using var carrier = hub.CreateHttpClient();
        Assert.Equal(HttpStatusCode.NoContent, (await carrier.PutAsJsonAsync($"/simulator/far-ends/{Uri.EscapeDataString(visit.Phone)}", new { answer = "busy" })).StatusCode);
        var row = await VoiceRowAsync(hub, visit.PatientId);

        await Dispatcher(hub).RunOnceAsync(CancellationToken.None);
        var first = await WaitForRowAsync(hub, row.Id, r => r.Status == NotificationStatuses.Pending && r.Attempts == 1);
        var retryAt = hub.Factory.Time.GetUtcNow().UtcDateTime + new VoiceChannelOptions().RetryDelay;
        Assert.Equal(("busy", retryAt), (first.Error, first.NextAttemptAt));
        Assert.Equal(0, await Dispatcher(hub).RunOnceAsync(CancellationToken.None)); // not due yet

        hub.Factory.Time.Advance(new VoiceChannelOptions().RetryDelay);
        await Dispatcher(hub).RunOnceAsync(CancellationToken.None);
        var final = await WaitForRowAsync(hub, row.Id, r => NotificationStatuses.Rank(r.Status) == 3);

        Assert.Equal((NotificationStatuses.Undelivered, "busy", 2), (final.Status, final.Error, final.Attempts));
        var calls = await carrier.GetFromJsonAsync<List<JsonElement>>($"/simulator/calls?number={Uri.EscapeDataString(visit.Phone)}");
        Assert.Equal(2, calls!.Count);
        Assert.All(calls, c => Assert.Equal("busy", c.GetProperty("status").GetString()));
        Assert.Equal(AppointmentStatus.Booked, (await Appointments(hub).FindAsync(visit.AppointmentId))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ReminderCall_AnsweringMachine_HungUpAndRowUndeliveredAsMachine(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine, settings: null);
        var visit = await BookForCallsAsync(hub);
        using var carrier = hub.CreateHttpClient();
        Assert.Equal(HttpStatusCode.NoContent, (await carrier.PutAsJsonAsync($"/simulator/far-ends/{Uri.EscapeDataString(visit.Phone)}", new { answer = "machine" })).StatusCode);

        var (phone, row) = await DispatchCallAsync(hub, visit);
        var ended = await phone.WaitForStatusAsync("completed");

        Assert.Empty(ended.Said);
        var final = await WaitForRowAsync(hub, row.Id, r => NotificationStatuses.Rank(r.Status) == 3);
        Assert.Equal((NotificationStatuses.Undelivered, "machine"), (final.Status, final.Error));
        Assert.Equal(AppointmentStatus.Booked, (await Appointments(hub).FindAsync(visit.AppointmentId))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task FindAccepted_CallPlacedButNotRecorded_FoundInTheCarriersCallsList(string engine)
    {
        await using var hub = await LiveHub.StartAsync(engine, settings: null);
        var visit = await BookForCallsAsync(hub);
        var row = await VoiceRowAsync(hub, visit.PatientId);
        var channel = hub.Factory.Services.GetServices<Notifications.Channels.INotificationChannel>().Single(c => c.Name == NotificationChannels.Voice);
        var message = new Notifications.Channels.ChannelMessage(row.Id, row.Channel, row.Purpose, row.Recipient, null, row.Body, row.Language, row.PatientId);

        var before = await channel.FindAcceptedAsync(message, hub.Factory.Time.GetUtcNow().UtcDateTime, CancellationToken.None);
        var placed = await channel.SendAsync(message, CancellationToken.None);
        var after = await channel.FindAcceptedAsync(message, hub.Factory.Time.GetUtcNow().UtcDateTime, CancellationToken.None);

        Assert.Empty(before!);
        Assert.Equal(Notifications.Channels.ChannelOutcome.Accepted, placed.Outcome);
        Assert.Equal([placed.CarrierId!], after!);
    }

    private sealed record Visit(Guid PatientId, string Phone, Guid AppointmentId, Guid SlotId);

    private const string InsertPatientSql = """
        INSERT INTO patient (id, full_name, search_name, gender, date_of_birth, email, preferred_language, preferred_contact_channel, time_zone, mrn, notes, assigned_user_id, created_at, updated_at)
        VALUES (@Id, @Name, @Name, 'unknown', NULL, NULL, 'en-US', 'voice', 'Asia/Shanghai', NULL, NULL, NULL, @Now, @Now);
        INSERT INTO patient_phone (id, patient_id, e164, kind, is_primary) VALUES (@PhoneId, @Id, @Phone, 'mobile', @Primary)
        """;

    // A patient who prefers calls, booked two days ahead: the default plan's confirmation request (72 hours before)
    // is due at once, and goes as a call.
    private static async Task<Visit> BookForCallsAsync(LiveHub hub)
    {
        var services = hub.Factory.Services;
        var now = hub.Factory.Time.GetUtcNow().UtcDateTime;
        var patientId = Guid.CreateVersion7();
        var phone = UniqueData.ChinaMobile();
        await using (var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync())
        {
            await connection.ExecuteAsync(InsertPatientSql, new { Id = patientId, PhoneId = Guid.CreateVersion7(), Name = UniqueData.Name("patient"), Phone = phone, Primary = true, Now = now });
        }

        var startsAt = now.AddDays(2);
        var department = new Department { Id = Guid.CreateVersion7(), Code = UniqueData.Name("D"), Name = "心内科", NameEn = "Cardiology", CreatedAt = now };
        Assert.True(await services.GetRequiredService<IDepartmentRepository>().TryCreateAsync(department));
        var doctor = new Doctor { Id = Guid.CreateVersion7(), DepartmentId = department.Id, Name = "Wang", CreatedAt = now };
        await services.GetRequiredService<IDoctorRepository>().CreateAsync(doctor);
        var slot = new Slot { Id = Guid.CreateVersion7(), DoctorId = doctor.Id, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(30), Capacity = 1, CreatedAt = now };
        Assert.Equal(SlotCreateOutcome.Created, await Slots(hub).CreateAsync(slot));
        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(), PatientId = patientId, SlotId = slot.Id, Status = AppointmentStatus.Booked, Channel = AppointmentChannel.Phone, BookedAt = now, UpdatedAt = now,
        };
        Assert.Equal(BookingOutcome.Booked, await Appointments(hub).BookAsync(appointment));
        return new Visit(patientId, phone, appointment.Id, slot.Id);
    }

    private static async Task<Notification> VoiceRowAsync(LiveHub hub, Guid patientId)
    {
        var page = await Rows(hub).ListAsync(new NotificationQuery(PatientId: patientId), new CallCenter.Core.Common.PageRequest(1, 50), CancellationToken.None);
        return Assert.Single(page.Items, r => r.Channel == NotificationChannels.Voice && r.Purpose == "appointment-confirmation" && r.Status == NotificationStatuses.Pending);
    }

    private static async Task<(SimulatedPhone Phone, Notification Row)> DispatchCallAsync(LiveHub hub, Visit visit)
    {
        var row = await VoiceRowAsync(hub, visit.PatientId);
        Assert.Equal("appointment-confirmation", row.Purpose);
        Assert.Equal(visit.Phone, row.Recipient);
        Assert.True(await Dispatcher(hub).RunOnceAsync(CancellationToken.None) >= 1);
        var placed = await WaitForRowAsync(hub, row.Id, r => r.CarrierId is not null);
        return (SimulatedPhone.Answering(hub.CreateHttpClient(), visit.Phone, placed.CarrierId!), placed);
    }

    private static Task<Notification> WaitForRowAsync(LiveHub hub, Guid id, Func<Notification, bool> done) =>
        Polling.UntilAsync(async () => (await Rows(hub).FindAsync(id, CancellationToken.None))!, done, "the outbox row");

    private static Task<IReadOnlyList<string>> WaitForTimelineAsync(LiveHub hub, Guid patientId, string summary) =>
        Polling.UntilAsync(() => TimelineAsync(hub, patientId), t => t.Contains(summary), "timeline: " + summary);

    private static async Task<IReadOnlyList<string>> TimelineAsync(LiveHub hub, Guid patientId)
    {
        var supervisor = await hub.Factory.SignInAsAsync(Roles.Supervisor);
        var timeline = await supervisor.Client.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/timeline");
        return [.. timeline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("summary").GetString() ?? string.Empty)];
    }

    private static OutboxDispatcher Dispatcher(LiveHub hub) => hub.Factory.Services.GetRequiredService<OutboxDispatcher>();

    private static INotificationRepository Rows(LiveHub hub) => hub.Factory.Services.GetRequiredService<INotificationRepository>();

    private static IAppointmentRepository Appointments(LiveHub hub) => hub.Factory.Services.GetRequiredService<IAppointmentRepository>();

    private static ISlotRepository Slots(LiveHub hub) => hub.Factory.Services.GetRequiredService<ISlotRepository>();
}
