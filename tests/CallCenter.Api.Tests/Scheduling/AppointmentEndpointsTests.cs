using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Testing;
using static CallCenter.Api.Tests.Scheduling.SchedulingApi;

namespace CallCenter.Api.Tests.Scheduling;

public sealed class AppointmentEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_SlotFull_Returns409PointingToWaitlist(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var slotId = await AddSlotAsync(supervisor.Client, capacity: 1);

        var first = await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId = await AddPatientAsync(hub), slotId, channel = "phone", reason = "chest pain" });
        var second = await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId = await AddPatientAsync(hub), slotId, channel = "walk-in" });

        var booked = await ReadAsync<AppointmentDto>(first);
        Assert.Equal("booked", booked.Status);
        Assert.Equal("phone", booked.Channel);
        var problem = await ProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Contains("waitlist", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/api/slots/{slotId}/waitlist", problem.GetProperty("waitlist").GetString());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_BadInput_Returns400NamingFields(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var patientId = await AddPatientAsync(hub);

        var empty = await agent.Client.PostAsJsonAsync("/api/appointments", new { });
        var badChannel = await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId, slotId = Guid.NewGuid(), channel = "fax" });
        var unknownSlot = await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId, slotId = Guid.NewGuid(), channel = "kiosk" });

        Assert.Equal(new[] { "channel", "patientId", "slotId" }, (await FieldErrorsAsync(empty)).Order(StringComparer.Ordinal));
        Assert.Equal(["channel"], await FieldErrorsAsync(badChannel));
        Assert.Equal(["slotId"], await FieldErrorsAsync(unknownSlot));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Book_SlotInThePast_Returns400NamingSlotId(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var doctorId = await AddDoctorAsync(supervisor.Client);
        var past = await ReadAsync<IdOnly>(await supervisor.Client.PostAsJsonAsync(
            "/api/slots", new { doctorId, startsAt = "2026-11-22T09:00:00Z", endsAt = "2026-11-22T09:30:00Z", capacity = 1 }));

        var response = await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId = await AddPatientAsync(hub), slotId = past.Id, channel = "web" });

        Assert.Equal(["slotId"], await FieldErrorsAsync(response));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Appointments_PatientOfAnotherAgent_Return404AndAuditDenied(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var owner = await hub.SignInAsAsync(Roles.Agent);
        var other = await hub.SignInAsAsync(Roles.Agent);
        var patientId = await AddPatientAsync(hub, assignedUserId: owner.User.Id);
        var slotId = await AddSlotAsync(supervisor.Client, capacity: 2);
        var booked = await ReadAsync<AppointmentDto>(
            await owner.Client.PostAsJsonAsync("/api/appointments", new { patientId, slotId, channel = "agent" }));

        var book = await other.Client.PostAsJsonAsync("/api/appointments", new { patientId, slotId, channel = "phone" });
        var get = await other.Client.GetAsync($"/api/appointments/{booked.Id}");
        var cancel = await other.Client.PostAsJsonAsync($"/api/appointments/{booked.Id}/cancel", new { reason = "x" });
        var list = await other.Client.GetAsync($"/api/patients/{patientId}/appointments");
        var waitlist = await other.Client.PostAsJsonAsync($"/api/slots/{slotId}/waitlist", new { patientId });
        var supervisorGet = await supervisor.Client.GetAsync($"/api/appointments/{booked.Id}");

        Assert.All(new[] { book, get, cancel, list, waitlist }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, supervisorGet.StatusCode);
        var audit = await AuditForPatientAsync(hub, patientId);
        Assert.Equal(5, audit.Count(a => a.UserId == other.User.Id && a.Outcome == AuditOutcomes.Denied));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task StatusChanges_FollowRulesAndAuditEachWithPatientId(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var patientId = await AddPatientAsync(hub);
        var slotId = await AddSlotAsync(supervisor.Client, capacity: 1);
        var booked = await ReadAsync<AppointmentDto>(
            await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId, slotId, channel = "web" }));

        var confirmed = await ReadAsync<AppointmentDto>(await agent.Client.PostAsync($"/api/appointments/{booked.Id}/confirm", null));
        var cancelled = await ReadAsync<AppointmentDto>(
            await agent.Client.PostAsJsonAsync($"/api/appointments/{booked.Id}/cancel", new { reason = "travelling" }));
        var completeAfterCancel = await agent.Client.PostAsync($"/api/appointments/{booked.Id}/complete", null);
        var noShowUnknown = await agent.Client.PostAsync($"/api/appointments/{Guid.NewGuid()}/no-show", null);
        var fetched = await agent.Client.GetFromJsonAsync<AppointmentDto>($"/api/appointments/{booked.Id}");
        var slot = await agent.Client.GetFromJsonAsync<ScheduleEndpointsTests.SlotDto>($"/api/slots/{slotId}");

        Assert.Equal("confirmed", confirmed.Status);
        Assert.Equal("cancelled", cancelled.Status);
        Assert.Equal("travelling", cancelled.CancelReason);
        var conflict = await ProblemAsync(completeAfterCancel, HttpStatusCode.Conflict);
        Assert.Equal("cancelled", conflict.GetProperty("currentStatus").GetString());
        Assert.Equal(409, conflict.GetProperty("status").GetInt32());
        Assert.Contains("cancelled", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noShowUnknown.StatusCode);
        Assert.Equal("cancelled", fetched!.Status);
        Assert.Equal(0, slot!.BookedCount);
        var operations = (await AuditForPatientAsync(hub, patientId)).Select(a => $"{a.Operation}:{a.Outcome}").Order(StringComparer.Ordinal);
        Assert.Equal(
            new[] { "appointment.book:success", "appointment.cancelled:success", "appointment.completed:failed", "appointment.confirmed:success", "appointment.read:success" },
            operations);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Cancel_WithoutBody_CancelsAndFreesThePlace(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var slotId = await AddSlotAsync(supervisor.Client, capacity: 1);
        var booked = await ReadAsync<AppointmentDto>(await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId = await AddPatientAsync(hub), slotId, channel = "kiosk" }));

        var cancelled = await ReadAsync<AppointmentDto>(await agent.Client.PostAsync($"/api/appointments/{booked.Id}/cancel", null));
        var next = await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId = await AddPatientAsync(hub), slotId, channel = "phone" });

        Assert.Equal("cancelled", cancelled.Status);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task PatientAppointments_UpcomingAndPast_AreSplitByHubClock(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var patientId = await AddPatientAsync(hub);
        var slotId = await AddSlotAsync(supervisor.Client, capacity: 1);
        await ReadAsync<AppointmentDto>(await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId, slotId, channel = "phone" }));

        var upcoming = await agent.Client.GetFromJsonAsync<ScheduleEndpointsTests.PageDto<AppointmentDto>>($"/api/patients/{patientId}/appointments?when=upcoming");
        var past = await agent.Client.GetFromJsonAsync<ScheduleEndpointsTests.PageDto<AppointmentDto>>($"/api/patients/{patientId}/appointments?when=past");
        var bad = await agent.Client.GetAsync($"/api/patients/{patientId}/appointments?when=yesterday");

        Assert.Equal([slotId], upcoming!.Items.Select(a => a.SlotId));
        Assert.Empty(past!.Items);
        Assert.Equal(["when"], await FieldErrorsAsync(bad));
    }

    internal sealed record AppointmentDto(
        Guid Id, Guid PatientId, Guid SlotId, Guid DoctorId, DateTime StartsAt, string Status, string Channel, string? Reason, string? CancelReason);
}
