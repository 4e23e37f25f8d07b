using CallCenter.Api.Tests.Ivr;
using CallCenter.Api.Tests.Telephony;
using CallCenter.Core.Data;
using CallCenter.Core.Reminders;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Tests.Reminders;

/// <summary>
/// Replies through the hub's real SMS webhook and flow engine: a "1" to a due confirmation request confirms the visit;
/// two patients answering "1" to the same freed place at once get one booking and one "taken".
/// </summary>
public sealed class ReminderReplyEndToEndTests(IvrFixture fixture) : IClassFixture<IvrFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ReplyOne_ToADueConfirmationRequest_ConfirmsTheVisit(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var number = await WriteReplyFlowAsync(hub);
        var services = hub.Api.Services;
        var now = hub.Api.Time.GetUtcNow().UtcDateTime;
        var slot = await AddSlotAsync(services, now.AddDays(5));
        var (patientId, phone) = await AddPatientAsync(services);
        var appointment = await BookAsync(services, patientId, slot.Id, now);

        // Before the request is due the "1" is a patient's message for an agent; once due, it is the answer.
        var early = await SmsAsync(hub, phone, number, "1");
        hub.Api.Time.SetUtcNow(new DateTimeOffset(slot.StartsAt.AddHours(-71)));
        var answer = await SmsAsync(hub, phone, number, "１");

        Assert.Equal(["An agent will reply"], early);
        Assert.Equal(["Confirmed"], answer);
        Assert.Equal(AppointmentStatus.Confirmed, (await services.GetRequiredService<IAppointmentRepository>().FindAsync(appointment.Id))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ReplyOne_TwoPatientsAtOnceForOneFreedPlace_OneBooksItTheOtherIsToldItIsTaken(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var number = await WriteReplyFlowAsync(hub);
        var services = hub.Api.Services;
        var now = hub.Api.Time.GetUtcNow().UtcDateTime;
        var slot = await AddSlotAsync(services, now.AddDays(2));
        var holder = await BookAsync(services, (await AddPatientAsync(services)).Id, slot.Id, now);
        var waiters = new[] { await AddPatientAsync(services), await AddPatientAsync(services) };
        foreach (var (waiter, i) in waiters.Select((w, i) => (w, i)))
        {
            var entry = new WaitlistEntry { Id = Guid.CreateVersion7(), SlotId = slot.Id, PatientId = waiter.Id, CreatedAt = now.AddSeconds(i - 10) };
            Assert.True(await services.GetRequiredService<IWaitlistRepository>().TryAddAsync(entry));
        }

        await services.GetRequiredService<IAppointmentRepository>().TransitionAsync(holder.Id, AppointmentStatus.Cancelled, "patient called");
        var answers = await Task.WhenAll(waiters.Select(w => Task.Run(() => SmsAsync(hub, w.Phone, number, "1"))));

        Assert.Equal(["Someone was first", "The place is yours"], answers.Select(a => Assert.Single(a)).Order(StringComparer.Ordinal));
        Assert.Equal(0, (await services.GetRequiredService<ISlotRepository>().FindAsync(slot.Id))!.FreeCount);
        var late = await SmsAsync(hub, waiters[0].Phone, number, "1");
        Assert.NotEqual(["The place is yours"], late);
    }

    private static async Task<string> WriteReplyFlowAsync(IvrHub hub)
    {
        var number = TestFlows.Number();
        var id = "reminders-" + Guid.NewGuid().ToString("N")[..8];
        await hub.WriteFlowAsync(TestFlows.FileName("sms"), $$"""
            {
              "id": "{{id}}", "kind": "sms", "numbers": ["{{number}}"], "languages": ["en-US"], "defaultLanguage": "en-US", "start": "reply",
              "helpText": { "en-US": "Help" }, "optOutText": { "en-US": "Unsubscribed" }, "optInText": { "en-US": "Subscribed" },
              "steps": [
                { "id": "reply", "type": "smsReply",
                  "confirmedText": { "en-US": "Confirmed" }, "cancelledText": { "en-US": "Cancelled" },
                  "failedText": { "en-US": "Could not change it" }, "surveyText": { "en-US": "Thanks" },
                  "offerAcceptedText": { "en-US": "The place is yours" }, "offerDeclinedText": { "en-US": "You stay on the list" },
                  "offerTakenText": { "en-US": "Someone was first" }, "offerExpiredText": { "en-US": "The offer has expired" },
                  "unmatched": "agent" },
                { "id": "agent", "type": "conversation", "reason": "patient-message", "prompt": { "en-US": "An agent will reply" } }
              ]
            }
            """);
        return number;
    }

    private static async Task<List<string>> SmsAsync(IvrHub hub, string from, string to, string body)
    {
        var form = new IncomingMessage { MessageSid = TwilioWebhookClient.Sid("SM"), AccountSid = hub.Twilio.Options.AccountSid, From = from, To = to, Body = body, NumSegments = 1 }.ToForm();
        var twiml = await IvrHub.TwimlAsync(await hub.Twilio.PostAsync("/twilio/sms", form));
        return [.. twiml.Root!.Elements("Message").Select(m => m.Value)];
    }

    private const string InsertPatientSql = """
        INSERT INTO patient (id, full_name, search_name, gender, date_of_birth, email, preferred_language, time_zone, mrn, notes, assigned_user_id, created_at, updated_at)
        VALUES (@Id, @Name, @Name, 'unknown', NULL, NULL, 'en-US', 'Asia/Shanghai', NULL, NULL, NULL, @Now, @Now);
        INSERT INTO patient_phone (id, patient_id, e164, kind, is_primary) VALUES (@PhoneId, @Id, @Phone, 'mobile', @Primary)
        """;

    private static async Task<(Guid Id, string Phone)> AddPatientAsync(IServiceProvider services)
    {
        var id = Guid.CreateVersion7();
        var phone = UniqueData.ChinaMobile();
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        await connection.ExecuteAsync(InsertPatientSql, new { Id = id, PhoneId = Guid.CreateVersion7(), Name = UniqueData.Name("patient"), Phone = phone, Primary = true, Now = DateTime.UtcNow });
        return (id, phone);
    }

    private static async Task<Slot> AddSlotAsync(IServiceProvider services, DateTime startsAt)
    {
        var department = new Department { Id = Guid.CreateVersion7(), Code = UniqueData.Name("D"), Name = "Cardiology", CreatedAt = startsAt };
        Assert.True(await services.GetRequiredService<IDepartmentRepository>().TryCreateAsync(department));
        var doctor = new Doctor { Id = Guid.CreateVersion7(), DepartmentId = department.Id, Name = UniqueData.Name("dr"), CreatedAt = startsAt };
        await services.GetRequiredService<IDoctorRepository>().CreateAsync(doctor);
        var slot = new Slot { Id = Guid.CreateVersion7(), DoctorId = doctor.Id, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(30), Capacity = 1, CreatedAt = startsAt };
        Assert.Equal(SlotCreateOutcome.Created, await services.GetRequiredService<ISlotRepository>().CreateAsync(slot));
        return slot;
    }

    private static async Task<Appointment> BookAsync(IServiceProvider services, Guid patientId, Guid slotId, DateTime now)
    {
        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(), PatientId = patientId, SlotId = slotId, Status = AppointmentStatus.Booked, Channel = AppointmentChannel.Phone, BookedAt = now, UpdatedAt = now,
        };
        Assert.Equal(BookingOutcome.Booked, await services.GetRequiredService<IAppointmentRepository>().BookAsync(appointment));
        return appointment;
    }
}
