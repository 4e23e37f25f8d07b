using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Patients;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Common;
using CallCenter.Core.Patients;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Patients;

/// <summary>Assignment to a consultant, who sees an assigned patient, and the audit rows every access leaves.</summary>
public sealed class PatientScopeTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AssignedPatient_IsHiddenFromOtherAgentsButNotFromAssigneeOrSupervisor(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var consultant = await hub.SignInAsAsync(Roles.Agent);
        var otherAgent = await hub.SignInAsAsync(Roles.Agent);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var marker = UniqueData.Name("hidden");
        var patient = await PatientApi.CreateAsync(otherAgent.Client, marker);

        var assigned = await supervisor.Client.PutAsJsonAsync($"/api/patients/{patient.Id}/assignment", new { userId = consultant.User.Id });

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgent.Client.GetAsync($"/api/patients/{patient.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherAgent.Client.PutAsJsonAsync($"/api/patients/{patient.Id}", new { fullName = "x" })).StatusCode);
        Assert.Empty((await otherAgent.Client.GetFromJsonAsync<Page<PatientSummary>>($"/api/patients?name={marker}"))!.Items);
        Assert.Equal(HttpStatusCode.OK, (await consultant.Client.GetAsync($"/api/patients/{patient.Id}")).StatusCode);
        Assert.Single((await consultant.Client.GetFromJsonAsync<Page<PatientSummary>>($"/api/patients?name={marker}"))!.Items);
        var seenBySupervisor = await supervisor.Client.GetFromJsonAsync<PatientResponse>($"/api/patients/{patient.Id}");
        Assert.Equal(consultant.User.Id, seenBySupervisor!.AssignedUserId);

        var audit = await PatientApi.AuditAsync(hub.Services, patient.Id);
        Assert.Contains(audit, e => e.UserId == otherAgent.User.Id && e.Operation == PatientAuditOperations.Read && e.Outcome == AuditOutcomes.Denied);
        Assert.Contains(audit, e => e.UserId == otherAgent.User.Id && e.Operation == PatientAuditOperations.Update && e.Outcome == AuditOutcomes.Denied);
        Assert.Contains(audit, e => e.UserId == supervisor.User.Id && e.Operation == PatientAuditOperations.Assign && e.Outcome == AuditOutcomes.Success);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Unassign_MakesPatientVisibleToEveryAgentAgain(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var consultant = await hub.SignInAsAsync(Roles.Agent);
        var otherAgent = await hub.SignInAsAsync(Roles.Agent);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var patient = await PatientApi.CreateAsync(supervisor.Client);
        await supervisor.Client.PutAsJsonAsync($"/api/patients/{patient.Id}/assignment", new { userId = consultant.User.Id });

        var unassigned = await supervisor.Client.PutAsJsonAsync($"/api/patients/{patient.Id}/assignment", new { userId = (Guid?)null });

        Assert.Equal(HttpStatusCode.OK, unassigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherAgent.Client.GetAsync($"/api/patients/{patient.Id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Assignment_ByAgent_Returns403(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var patient = await PatientApi.CreateAsync(agent.Client);

        var response = await agent.Client.PutAsJsonAsync($"/api/patients/{patient.Id}/assignment", new { userId = agent.User.Id });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Assignment_ToUnknownUser_Returns400NamingUserId(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var patient = await PatientApi.CreateAsync(supervisor.Client);

        var response = await supervisor.Client.PutAsJsonAsync($"/api/patients/{patient.Id}/assignment", new { userId = Guid.NewGuid() });

        Assert.Equal(["userId"], await PatientApi.ErrorFieldsAsync(response));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Assignment_UnknownPatient_Returns404(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);

        var response = await supervisor.Client.PutAsJsonAsync($"/api/patients/{Guid.NewGuid()}/assignment", new { userId = supervisor.User.Id });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CreateReadUpdate_EachWriteAnAuditRowWithOutcome(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var patient = await PatientApi.CreateAsync(agent.Client);

        await agent.Client.GetAsync($"/api/patients/{patient.Id}");
        await agent.Client.PutAsJsonAsync($"/api/patients/{patient.Id}", new { fullName = "Updated" });
        var unknown = Guid.NewGuid();
        await agent.Client.GetAsync($"/api/patients/{unknown}");

        var audit = await PatientApi.AuditAsync(hub.Services, patient.Id);
        Assert.All(audit, e => Assert.Equal(agent.User.Id, e.UserId));
        Assert.Equal(
            [PatientAuditOperations.Create, PatientAuditOperations.Read, PatientAuditOperations.Update],
            audit.Select(e => e.Operation).Order(StringComparer.Ordinal));
        Assert.All(audit, e => Assert.Equal(AuditOutcomes.Success, e.Outcome));
        Assert.DoesNotContain(audit, e => e.Detail?.Contains("Updated", StringComparison.Ordinal) == true);
        var missing = Assert.Single(await PatientApi.AuditAsync(hub.Services, unknown));
        Assert.Equal(AuditOutcomes.NotFound, missing.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Update_WithBadInput_AuditsFailedNamingFieldsNotValues(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var patient = await PatientApi.CreateAsync(agent.Client);

        var response = await agent.Client.PutAsJsonAsync($"/api/patients/{patient.Id}", new { fullName = "Kept Secret", email = "secret@" });

        Assert.Equal(["email"], await PatientApi.ErrorFieldsAsync(response));
        var failed = Assert.Single(await PatientApi.AuditAsync(hub.Services, patient.Id), e => e.Outcome == AuditOutcomes.Failed);
        Assert.Equal(PatientAuditOperations.Update, failed.Operation);
        Assert.Contains("email", failed.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", failed.Detail, StringComparison.Ordinal);
    }
}
