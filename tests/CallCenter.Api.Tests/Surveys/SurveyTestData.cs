using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Scheduling;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Notifications.Outbox;

namespace CallCenter.Api.Tests.Surveys;

/// <summary>What the survey tests do through the hub's API, its outbox and the simulator's phones.</summary>
internal static class SurveyTestData
{
    private static int _visits;

    public static async Task<HttpClient> ClientAsync(this DeskHub hub, string role)
    {
        var (_, token) = await hub.SignInAsAsync(role);
        var client = hub.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a survey through the admin API; its key is unique.</summary>
    public static async Task<string> CreateSurveyAsync(this DeskHub hub, object[] questions, object[] triggers)
    {
        using var admin = await hub.ClientAsync(Roles.Admin);
        var key = "s-" + Guid.NewGuid().ToString("N")[..10];
        var created = await admin.PostAsJsonAsync("/api/surveys", new
        {
            key,
            name = new Dictionary<string, string> { ["zh-CN"] = "满意度调查", ["en-US"] = "Satisfaction" },
            questions,
            triggers,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return key;
    }

    public static object Question(string type, string zh, string en) =>
        new { type, text = new Dictionary<string, string> { ["zh-CN"] = zh, ["en-US"] = en } };

    /// <summary>Sends what is due, as the dispatcher does on its own outside tests.</summary>
    public static async Task DispatchAsync(this DeskHub hub)
    {
        var dispatcher = hub.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.RunOnceAsync(CancellationToken.None) > 0)
        {
        }
    }

    /// <summary>The phone's SMS thread on the simulator, both directions, oldest first.</summary>
    public static async Task<IReadOnlyList<PhoneMessage>> ThreadAsync(this DeskHub hub, string phone)
    {
        using var carrier = hub.CreateClient();
        return (await carrier.GetFromJsonAsync<List<PhoneMessage>>($"/simulator/sms?number={Uri.EscapeDataString(phone)}"))!;
    }

    /// <summary>The phone texts the hub through the simulator and waits for the hub's answer to arrive on the phone.</summary>
    public static async Task<string> TextAsync(this DeskHub hub, string phone, string body)
    {
        var before = (await hub.ThreadAsync(phone)).Count;
        using var carrier = hub.CreateClient();
        var sent = await carrier.PostAsJsonAsync("/simulator/sms", new { from = phone, to = SurveyFixture.SmsFrom, body });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var thread = await Polling.UntilAsync(() => hub.ThreadAsync(phone), t => t.Count >= before + 2 && t[^1].To == phone, "the hub's answer");
        return thread[^1].Body;
    }

    /// <summary>A department of the test's own with one doctor.</summary>
    public static async Task<(Guid DepartmentId, Guid DoctorId)> AddDepartmentAsync(this DeskHub hub)
    {
        var department = new Department { Id = Guid.CreateVersion7(), Code = UniqueData.Name("dept"), Name = "心内科", NameEn = "Cardiology", CreatedAt = hub.Now() };
        Assert.True(await hub.Services.GetRequiredService<IDepartmentRepository>().TryCreateAsync(department));
        var doctor = new Doctor { Id = Guid.CreateVersion7(), DepartmentId = department.Id, Name = UniqueData.Name("dr"), CreatedAt = hub.Now() };
        await hub.Services.GetRequiredService<IDoctorRepository>().CreateAsync(doctor);
        return (department.Id, doctor.Id);
    }

    /// <summary>A visit with the doctor, booked and completed now.</summary>
    public static async Task<Guid> CompleteVisitAsync(this DeskHub hub, Guid patientId, Guid doctorId)
    {
        // Each visit an hour after the last one made, so one doctor's slots never overlap.
        var startsAt = hub.Now().AddHours(Interlocked.Increment(ref _visits));
        var slot = new Slot { Id = Guid.CreateVersion7(), DoctorId = doctorId, StartsAt = startsAt, EndsAt = startsAt.AddMinutes(30), Capacity = 1, CreatedAt = hub.Now() };
        Assert.Equal(SlotCreateOutcome.Created, await hub.Services.GetRequiredService<ISlotRepository>().CreateAsync(slot));
        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(), PatientId = patientId, SlotId = slot.Id, Status = AppointmentStatus.Booked, Channel = AppointmentChannel.Phone,
            BookedAt = hub.Now(), UpdatedAt = hub.Now(), StartsAt = slot.StartsAt, EndsAt = slot.EndsAt, DoctorId = slot.DoctorId,
        };
        var appointments = hub.Services.GetRequiredService<IAppointmentRepository>();
        Assert.Equal(BookingOutcome.Booked, await appointments.BookAsync(appointment));
        Assert.Equal(TransitionOutcome.Done, (await appointments.TransitionAsync(appointment.Id, AppointmentStatus.Completed, null)).Outcome);
        return appointment.Id;
    }

    public static async Task<JsonElement> ResultsAsync(this DeskHub hub, string query)
    {
        using var supervisor = await hub.ClientAsync(Roles.Supervisor);
        var response = await supervisor.GetAsync("/api/surveys/results?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items");
    }
}
