using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Testing;
using static CallCenter.Api.Tests.Scheduling.SchedulingApi;
using AppointmentDto = CallCenter.Api.Tests.Scheduling.AppointmentEndpointsTests.AppointmentDto;

namespace CallCenter.Api.Tests.Scheduling;

public sealed class WaitlistEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Waitlist_AddListRemove_InArrivalOrder(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var slotId = await AddSlotAsync(supervisor.Client, capacity: 1);
        var notFull = await agent.Client.PostAsJsonAsync($"/api/slots/{slotId}/waitlist", new { patientId = await AddPatientAsync(hub) });
        await ReadAsync<AppointmentDto>(await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId = await AddPatientAsync(hub), slotId, channel = "phone" }));
        var first = await AddPatientAsync(hub);
        var second = await AddPatientAsync(hub);

        var firstEntry = await ReadAsync<WaitlistDto>(await agent.Client.PostAsJsonAsync($"/api/slots/{slotId}/waitlist", new { patientId = first, note = "mornings" }));
        hub.Time.Advance(TimeSpan.FromSeconds(5));
        await ReadAsync<WaitlistDto>(await agent.Client.PostAsJsonAsync($"/api/slots/{slotId}/waitlist", new { patientId = second }));
        var duplicate = await agent.Client.PostAsJsonAsync($"/api/slots/{slotId}/waitlist", new { patientId = first });
        var listed = await agent.Client.GetFromJsonAsync<List<WaitlistDto>>($"/api/slots/{slotId}/waitlist");
        var removed = await agent.Client.DeleteAsync($"/api/slots/{slotId}/waitlist/{firstEntry.Id}");
        var after = await agent.Client.GetFromJsonAsync<List<WaitlistDto>>($"/api/slots/{slotId}/waitlist");

        await ProblemAsync(notFull, HttpStatusCode.Conflict);
        await ProblemAsync(duplicate, HttpStatusCode.Conflict);
        Assert.Equal([first, second], listed!.Select(e => e.PatientId));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal([second], after!.Select(e => e.PatientId));
        Assert.Contains(await AuditForPatientAsync(hub, first), a => a.Operation == "waitlist.remove" && a.Outcome == AuditOutcomes.Success);
    }

    internal sealed record WaitlistDto(Guid Id, Guid SlotId, Guid PatientId, string Status, string? Note);
}
