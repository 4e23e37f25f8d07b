using CallCenter.Api.Desk;
using CallCenter.Core.Common;
using CallCenter.Core.Desk;
using CallCenter.Core.FollowUps;
using CallCenter.Core.Interactions;
using CallCenter.Core.Ivr;
using CallCenter.Core.Patients;
using CallCenter.Core.Queues;
using CallCenter.Core.Routing;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Ivr.Flows.Execution;
using Ivr.Flows.Loading;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Values;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Desk.Support;

/// <summary>Rows a desk test needs, each unique (tests share a database): patients, their schedule and history, calls in line.</summary>
internal static class DeskData
{
    public static DateTime Now(this DeskHub hub) => hub.Time.GetUtcNow().UtcDateTime;

    /// <summary>A queue of the test's own, with a wrap-up time, so its calls and figures are the test's alone.</summary>
    public static async Task<string> AddQueueAsync(this DeskHub hub, int wrapUpSeconds = 30)
    {
        var name = UniqueData.Name("queue");
        Assert.True(await hub.Services.GetRequiredService<IQueueSettingsRepository>().TryCreateAsync(
            new QueueSettings { Name = name, DisplayName = name, WrapUpSeconds = wrapUpSeconds, CreatedAt = hub.Now() }));
        return name;
    }

    public static async Task<Patient> AddPatientAsync(this DeskHub hub, Guid? assignedTo = null, string[]? tags = null)
    {
        var patient = new Patient
        {
            Id = Guid.CreateVersion7(), FullName = UniqueData.Name("patient"), Gender = Genders.Female, DateOfBirth = new DateOnly(1980, 5, 1),
            PreferredLanguage = "zh-CN", TimeZone = "Asia/Shanghai", Mrn = UniqueData.Mrn(), AssignedUserId = assignedTo,
            CreatedAt = hub.Now(), UpdatedAt = hub.Now(),
            Phones = [new PatientPhone { E164 = UniqueData.ChinaMobile(), Kind = PhoneKinds.Mobile, IsPrimary = true }],
            Tags = tags ?? [],
        };
        Assert.Equal(PatientSaveResult.Saved, await hub.Services.GetRequiredService<IPatientRepository>().CreateAsync(patient));
        return patient;
    }

    /// <summary>A bookable slot with its own department and doctor, starting <paramref name="ahead"/> from now.</summary>
    public static async Task<Slot> AddSlotAsync(this DeskHub hub, TimeSpan ahead)
    {
        var department = new Department { Id = Guid.CreateVersion7(), Code = UniqueData.Name("dept"), Name = "心内科", NameEn = "Cardiology", CreatedAt = hub.Now() };
        Assert.True(await hub.Services.GetRequiredService<IDepartmentRepository>().TryCreateAsync(department));
        var doctor = new Doctor { Id = Guid.CreateVersion7(), DepartmentId = department.Id, Name = UniqueData.Name("dr"), CreatedAt = hub.Now() };
        await hub.Services.GetRequiredService<IDoctorRepository>().CreateAsync(doctor);
        var startsAt = hub.Now().Add(ahead);
        var slot = new Slot { Id = Guid.CreateVersion7(), DoctorId = doctor.Id, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(30), Capacity = 1, CreatedAt = hub.Now() };
        Assert.Equal(SlotCreateOutcome.Created, await hub.Services.GetRequiredService<ISlotRepository>().CreateAsync(slot));
        return slot;
    }

    public static async Task<Guid> BookAsync(this DeskHub hub, Guid patientId, TimeSpan ahead)
    {
        var slot = await hub.AddSlotAsync(ahead);
        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(), PatientId = patientId, SlotId = slot.Id, Status = AppointmentStatus.Booked, Channel = AppointmentChannel.Phone,
            BookedAt = hub.Now(), UpdatedAt = hub.Now(), StartsAt = slot.StartsAt, EndsAt = slot.EndsAt, DoctorId = slot.DoctorId,
        };
        Assert.Equal(BookingOutcome.Booked, await hub.Services.GetRequiredService<IAppointmentRepository>().BookAsync(appointment));
        return appointment.Id;
    }

    public static Task AddInteractionAsync(this DeskHub hub, Guid patientId, string summary, TimeSpan ago) =>
        hub.Services.GetRequiredService<IInteractionRepository>().AddAsync(new Interaction
        {
            Id = Guid.CreateVersion7(), PatientId = patientId, Kind = InteractionKinds.Note, Direction = InteractionDirections.Internal,
            OccurredAt = hub.Now() - ago, Summary = summary,
        });

    public static Task<Guid> AddFollowUpAsync(this DeskHub hub, Guid patientId, string category) =>
        hub.Services.GetRequiredService<IFollowUpRepository>().AddAsync(new FollowUp
        {
            Id = Guid.CreateVersion7(), Kind = FollowUpKinds.Voicemail, CallSid = UniqueData.Name("CA"), PatientId = patientId,
            CallerNumber = "+8613800000000", RecordingUrl = "https://example.test/" + Guid.NewGuid(), Category = category,
            Language = "zh-CN", Status = FollowUpStatuses.Open, CreatedAt = hub.Now(),
        });

    /// <summary>The call's IVR session as the flow runner stores it, with the caller's outcome: language, menu keys, steps entered, verification.</summary>
    public static async Task AddIvrSessionAsync(this DeskHub hub, string callSid, string[] menuPath, string[] steps, bool verified)
    {
        var at = hub.Time.GetUtcNow();
        var session = new FlowSession { Key = callSid, Kind = FlowKind.Voice, FlowId = "hotline", FlowVersion = "1", StartedAt = at, Language = "en-US" };
        session.Set(FlowVariables.MenuPath, FlowValue.From(menuPath));
        session.Set(FlowVariables.PatientVerified, FlowValue.From(verified));
        var outcome = new IvrOutcome
        {
            FlowId = "hotline", Language = "en-US", MenuPath = menuPath, Steps = steps,
            Verification = verified ? IvrVerification.Verified : IvrVerification.NotAttempted,
        };
        Assert.True(await hub.Services.GetRequiredService<IFlowSessionRepository>().TryInsertAsync(new StoredSession
        {
            SessionKey = callSid, Kind = "voice", FlowId = "hotline", FlowVersion = "1", State = FlowJson.SerializeSession(session),
            Outcome = IvrOutcomeJson.Write(outcome), CreatedAt = at.UtcDateTime, UpdatedAt = at.UtcDateTime,
        }));
    }

    /// <summary>A call joins the queue as the IVR's port puts it there, then the router is woken as the flow runner does once the call's session is stored; returns its CallSid.</summary>
    public static async Task<string> EnqueueAsync(this DeskHub hub, string queue, Guid? patientId, string? number = null, string? callSid = null)
    {
        callSid ??= "CA" + Guid.NewGuid().ToString("N");
        await hub.Services.GetRequiredService<IQueueLine>().EnqueueAsync(
            new QueueRequest(callSid, queue, 0, [], patientId, number ?? UniqueData.ChinaMobile(), "zh-CN"), CancellationToken.None);
        hub.Services.GetRequiredService<IRoutingSignal>().Wake();
        return callSid;
    }

    /// <summary>The caller gives up: the call leaves the line and any ringing offer ends, so later tests do not get it.</summary>
    public static async Task LeaveAsync(this DeskHub hub, string callSid)
    {
        await hub.Services.GetRequiredService<IQueueLine>().LeaveAsync(callSid, "test-over", CancellationToken.None);
        await hub.Services.GetRequiredService<IOfferLifecycle>().WithdrawForCallAsync(callSid, "caller-left");
    }
}
