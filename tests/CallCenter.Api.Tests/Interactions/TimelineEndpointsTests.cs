using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Patients;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Interactions;
using CallCenter.Core.Patients;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Interactions;

public sealed class TimelineEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Notes_AppearOnTimelineNewestFirst(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var patient = await PatientApi.CreateAsync(agent.Client);
        var url = $"/api/patients/{patient.Id}";

        var first = await agent.Client.PostAsJsonAsync($"{url}/notes", new { text = "first note" });
        hub.Time.Advance(TimeSpan.FromMinutes(3));
        await agent.Client.PostAsJsonAsync($"{url}/notes", new { text = "second note" });
        hub.Time.Advance(TimeSpan.FromMinutes(3));
        await agent.Client.PostAsJsonAsync($"{url}/notes", new { text = "third note" });

        var page1 = await agent.Client.GetFromJsonAsync<Page<Interaction>>($"{url}/timeline?pageSize=2");
        var page2 = await agent.Client.GetFromJsonAsync<Page<Interaction>>($"{url}/timeline?page=2&pageSize=2");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(["third note", "second note"], page1!.Items.Select(i => i.Summary));
        Assert.True(page1.HasMore);
        var oldest = Assert.Single(page2!.Items);
        Assert.Equal("first note", oldest.Summary);
        Assert.Equal(InteractionKinds.Note, oldest.Kind);
        Assert.Equal(InteractionDirections.Internal, oldest.Direction);
        Assert.Equal(agent.User.Id, oldest.UserId);
        var audit = await PatientApi.AuditAsync(hub.Services, patient.Id);
        Assert.Equal(3, audit.Count(e => e.Operation == PatientAuditOperations.NoteAdd));
        Assert.Equal(2, audit.Count(e => e.Operation == PatientAuditOperations.TimelineRead && e.Outcome == AuditOutcomes.Success));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AddNoteOrTimeline_WithBadInput_Returns400NamingTheField(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var patient = await PatientApi.CreateAsync(agent.Client);

        var blank = await agent.Client.PostAsJsonAsync($"/api/patients/{patient.Id}/notes", new { text = "  " });
        var tooLong = await agent.Client.PostAsJsonAsync($"/api/patients/{patient.Id}/notes", new { text = new string('x', 2001) });

        Assert.Equal(["text"], await PatientApi.ErrorFieldsAsync(blank));
        Assert.Equal(["text"], await PatientApi.ErrorFieldsAsync(tooLong));
        Assert.Equal(["page"], await PatientApi.ErrorFieldsAsync(await agent.Client.GetAsync($"/api/patients/{patient.Id}/timeline?page={int.MaxValue}&pageSize=200")));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Timeline_OfPatientAssignedToAnother_Returns404AndAuditsDenied(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var consultant = await hub.SignInAsAsync(Roles.Agent);
        var otherAgent = await hub.SignInAsAsync(Roles.Agent);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var patient = await PatientApi.CreateAsync(supervisor.Client);
        await supervisor.Client.PutAsJsonAsync($"/api/patients/{patient.Id}/assignment", new { userId = consultant.User.Id });

        var timeline = await otherAgent.Client.GetAsync($"/api/patients/{patient.Id}/timeline");
        var note = await otherAgent.Client.PostAsJsonAsync($"/api/patients/{patient.Id}/notes", new { text = "sneaky" });

        Assert.Equal(HttpStatusCode.NotFound, timeline.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, note.StatusCode);
        var audit = await PatientApi.AuditAsync(hub.Services, patient.Id);
        Assert.Contains(audit, e => e.UserId == otherAgent.User.Id && e.Operation == PatientAuditOperations.TimelineRead && e.Outcome == AuditOutcomes.Denied);
        Assert.Equal(HttpStatusCode.OK, (await consultant.Client.GetAsync($"/api/patients/{patient.Id}/timeline")).StatusCode);
    }
}
