using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using static CallCenter.Api.Tests.Scheduling.SchedulingApi;

namespace CallCenter.Api.Tests.Reminders;

/// <summary>Moves its hub's clock: a class of its own, so no other test shares that hub.</summary>
public sealed class NoShowEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task RunNoShows_AfterTheGrace_MarksAndTheProfileCountsIt(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var slot = await AddSlotAsync(supervisor.Client, capacity: 2);
        var patientId = await AddPatientAsync(hub);
        var absent = await ReadAsync<IdOnly>(await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId, slotId = slot, channel = "phone" }));
        var arrived = await ReadAsync<IdOnly>(await agent.Client.PostAsJsonAsync("/api/appointments", new { patientId = await AddPatientAsync(hub), slotId = slot, channel = "phone" }));
        await agent.Client.PostAsync($"/api/appointments/{arrived.Id}/check-in", null);

        // Two weeks on: the earlier sign-ins have expired.
        hub.Time.SetUtcNow(new DateTimeOffset(2026, 12, 7, 9, 20, 0, TimeSpan.Zero));
        supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        agent = await hub.SignInAsAsync(Roles.Agent);
        var run = await ReadAsync<RunDto>(await supervisor.Client.PostAsync("/api/reminders/no-shows/run", null));
        var again = await ReadAsync<RunDto>(await supervisor.Client.PostAsync("/api/reminders/no-shows/run", null));
        var record = await ReadAsync<RecordDto>(await agent.Client.GetAsync($"/api/patients/{patientId}/no-shows"));

        Assert.Equal((1, 0), (run.Changed, again.Changed));
        Assert.Equal("no-show", (await ReadAsync<StatusDto>(await agent.Client.GetAsync($"/api/appointments/{absent.Id}"))).Status);
        Assert.Equal("booked", (await ReadAsync<StatusDto>(await agent.Client.GetAsync($"/api/appointments/{arrived.Id}"))).Status);
        Assert.Equal((1, 1, false, 3, 90), (record.Total, record.Recent, record.Flagged, record.Threshold, record.WindowDays));
    }

    internal sealed record RunDto(int Changed);

    internal sealed record StatusDto(Guid Id, string Status);

    internal sealed record RecordDto(Guid PatientId, int Total, int Recent, int WindowDays, int Threshold, bool Flagged);
}
