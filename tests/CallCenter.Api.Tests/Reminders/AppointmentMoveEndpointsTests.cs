using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using static CallCenter.Api.Tests.Scheduling.SchedulingApi;

namespace CallCenter.Api.Tests.Reminders;

public sealed class AppointmentMoveEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Move_ToFreeSlot_Returns200AndTheOldPlaceIsFree(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var from = await AddSlotAsync(supervisor.Client, capacity: 1);
        var to = await AddSlotAsync(supervisor.Client, capacity: 1);
        var booked = await ReadAsync<MovedDto>(await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId = await AddPatientAsync(hub), slotId = from, channel = "phone" }));

        var moved = await ReadAsync<MovedDto>(await agent.Client.PostAsJsonAsync($"/api/appointments/{booked.Id}/move", new { slotId = to }));

        Assert.Equal((to, "booked"), (moved.SlotId, moved.Status));
        Assert.Equal(1, (await ReadAsync<SlotDto>(await agent.Client.GetAsync($"/api/slots/{from}"))).FreeCount);
        Assert.Contains(await AuditForPatientAsync(hub, booked.PatientId), a => a.Operation == "appointment.move" && a.Outcome == "success");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Move_ToFullSlot_Returns409AndBadInputNamesSlotId(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var from = await AddSlotAsync(supervisor.Client, capacity: 1);
        var full = await AddSlotAsync(supervisor.Client, capacity: 1);
        await ReadAsync<MovedDto>(await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId = await AddPatientAsync(hub), slotId = full, channel = "web" }));
        var booked = await ReadAsync<MovedDto>(await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId = await AddPatientAsync(hub), slotId = from, channel = "phone" }));

        var conflict = await agent.Client.PostAsJsonAsync($"/api/appointments/{booked.Id}/move", new { slotId = full });
        var missing = await agent.Client.PostAsJsonAsync($"/api/appointments/{booked.Id}/move", new { });
        var unknown = await agent.Client.PostAsJsonAsync($"/api/appointments/{booked.Id}/move", new { slotId = Guid.NewGuid() });
        var same = await agent.Client.PostAsJsonAsync($"/api/appointments/{booked.Id}/move", new { slotId = from });
        var notFound = await agent.Client.PostAsJsonAsync($"/api/appointments/{Guid.NewGuid()}/move", new { slotId = full });

        Assert.Equal(full.ToString(), (await ProblemAsync(conflict, HttpStatusCode.Conflict)).GetProperty("slotId").GetString());
        Assert.Equal(["slotId"], await FieldErrorsAsync(missing));
        Assert.Equal(["slotId"], await FieldErrorsAsync(unknown));
        Assert.Equal(["slotId"], await FieldErrorsAsync(same));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CheckIn_Returns200ThenConflictAndNoShowIsRefused(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var slot = await AddSlotAsync(supervisor.Client, capacity: 1);
        var booked = await ReadAsync<MovedDto>(await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId = await AddPatientAsync(hub), slotId = slot, channel = "kiosk" }));

        var first = await ReadAsync<MovedDto>(await agent.Client.PostAsync($"/api/appointments/{booked.Id}/check-in", null));
        var second = await agent.Client.PostAsync($"/api/appointments/{booked.Id}/check-in", null);
        var noShow = await agent.Client.PostAsync($"/api/appointments/{booked.Id}/no-show", null);
        var move = await agent.Client.PostAsJsonAsync($"/api/appointments/{booked.Id}/move", new { slotId = await AddSlotAsync(supervisor.Client, capacity: 1) });

        Assert.Equal(hub.Time.GetUtcNow().UtcDateTime, first.CheckedInAt);
        Assert.Equal("booked", first.Status);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, noShow.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, move.StatusCode);
    }

    internal sealed record MovedDto(Guid Id, Guid PatientId, Guid SlotId, string Status, DateTime? CheckedInAt);

    internal sealed record SlotDto(Guid Id, int FreeCount);
}
