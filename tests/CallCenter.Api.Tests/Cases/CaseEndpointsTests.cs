using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Cases;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Patients;
using CallCenter.Core.Accounts;
using CallCenter.Core.Cases;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Cases;

/// <summary>/api/cases on every engine: opening, validation, the allowed moves, scope and audit.</summary>
public sealed class CaseEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Open_ThroughApi_SetsDueTimesBySeverityAndAuditsOpenAndRead(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var patient = await PatientApi.CreateAsync(agent.Client, phones: UniqueData.ChinaMobile());
        var now = hub.Time.GetUtcNow().UtcDateTime;

        var opened = await CaseApi.OpenAsync(agent.Client, patient.Id, severity: "high");
        var details = await CaseApi.GetAsync(agent.Client, opened.Id);

        Assert.Equal((CaseStatuses.Open, "high", "waiting-time", CaseSources.Api, patient.Id), (opened.Status, opened.Severity, opened.Category, opened.Source, opened.PatientId));
        Assert.Equal(now.AddHours(2), opened.FirstResponseDueAt);
        Assert.Equal(now.AddDays(1), opened.ResolutionDueAt);
        Assert.False(opened.Overdue);
        Assert.Equal(["investigating", "resolved", "closed"], opened.AllowedStatuses);
        Assert.Equal(CaseNoteKinds.Opened, Assert.Single(details.Notes).Kind);
        var audit = await PatientApi.AuditAsync(hub.Services, patient.Id);
        Assert.Contains(audit, a => a is { Operation: CaseAuditOperations.Open, Outcome: "success" } && a.UserId == agent.User.Id && a.Detail == $"case {opened.Id} from api");
        Assert.Contains(audit, a => a is { Operation: CaseAuditOperations.Read, Outcome: "success" } && a.UserId == agent.User.Id && a.Detail == $"case {opened.Id}");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Open_BadInput_Returns400NamingEachField(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        var empty = await agent.Client.PostAsJsonAsync("/api/cases", new { category = "nonsense", severity = "apocalyptic" });
        var unknown = await agent.Client.PostAsJsonAsync("/api/cases", new
        {
            patientId = Guid.NewGuid(), category = "billing", severity = "low", description = "x", departmentId = Guid.NewGuid(), callSid = "CA" + new string('0', 32),
        });
        var wrongType = await agent.Client.PostAsync("/api/cases", new StringContent("""{"patientId": "not-a-guid"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(["category", "description", "patientId", "severity"], (await PatientApi.ErrorFieldsAsync(empty)).Order());
        Assert.Equal(["callSid", "departmentId", "patientId"], (await PatientApi.ErrorFieldsAsync(unknown)).Order());
        Assert.Contains("patientId", await PatientApi.ErrorFieldsAsync(wrongType));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ChangeStatus_AlongAllowedMoves_RecordsTimesAndHistory_ThenRefusesAMoveOutOfClosed(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var patient = await PatientApi.CreateAsync(agent.Client, phones: UniqueData.ChinaMobile());
        var opened = await CaseApi.OpenAsync(agent.Client, patient.Id, severity: "medium");

        hub.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await CaseApi.MoveAsync(agent.Client, opened.Id, "investigating", "Called the patient back.")).StatusCode);
        var skipBack = await CaseApi.MoveAsync(agent.Client, opened.Id, "open");
        hub.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await CaseApi.MoveAsync(agent.Client, opened.Id, "resolved")).StatusCode);
        var closed = await CaseApi.MoveAsync(agent.Client, opened.Id, "closed");
        var reopen = await CaseApi.MoveAsync(agent.Client, opened.Id, "investigating");
        var nonsense = await CaseApi.MoveAsync(agent.Client, opened.Id, "archived");
        var details = await CaseApi.GetAsync(agent.Client, opened.Id);

        Assert.Equal(["status"], await PatientApi.ErrorFieldsAsync(skipBack));
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(["status"], await PatientApi.ErrorFieldsAsync(reopen));
        Assert.Contains("a closed case cannot become investigating; allowed: none", await reopen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(["status"], await PatientApi.ErrorFieldsAsync(nonsense));
        Assert.Equal(CaseStatuses.Closed, details.Case.Status);
        Assert.Equal(opened.CreatedAt.AddMinutes(10), details.Case.FirstRespondedAt);
        Assert.Equal(opened.CreatedAt.AddMinutes(20), details.Case.ResolvedAt);
        Assert.Empty(details.Case.AllowedStatuses);
        Assert.Equal(
            ["opened", "status:open -> investigating: Called the patient back.", "status:investigating -> resolved", "status:resolved -> closed"],
            details.Notes.Select(n => n.Kind == "opened" ? n.Kind : $"{n.Kind}:{n.Body}"));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CaseOfAnotherConsultantsPatient_IsNotFoundForOtherAgents_AndTheRefusalIsAudited(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var consultant = await hub.SignInAsAsync(Roles.Agent);
        var other = await hub.SignInAsAsync(Roles.Agent);
        var patient = await PatientApi.CreateAsync(supervisor.Client, phones: UniqueData.ChinaMobile());
        (await supervisor.Client.PutAsJsonAsync($"/api/patients/{patient.Id}/assignment", new { userId = consultant.User.Id })).EnsureSuccessStatusCode();
        var opened = await CaseApi.OpenAsync(consultant.Client, patient.Id);

        var read = await other.Client.GetAsync($"/api/cases/{opened.Id}");
        var note = await other.Client.PostAsJsonAsync($"/api/cases/{opened.Id}/notes", new { body = "Looking into it." });
        var move = await CaseApi.MoveAsync(other.Client, opened.Id, "investigating");
        var listedToOther = await CaseApi.ListAsync(other.Client, $"?patientId={patient.Id}");
        var openForOther = await other.Client.PostAsJsonAsync("/api/cases", new { patientId = patient.Id, category = "billing", severity = "low", description = "x" });
        var listedToConsultant = await CaseApi.ListAsync(consultant.Client, $"?patientId={patient.Id}");
        var listedToSupervisor = await CaseApi.ListAsync(supervisor.Client, $"?patientId={patient.Id}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (read.StatusCode, note.StatusCode, move.StatusCode));
        Assert.Empty(listedToOther);
        Assert.Equal(["patientId"], await PatientApi.ErrorFieldsAsync(openForOther));
        Assert.Equal(opened.Id, Assert.Single(listedToConsultant).Id);
        Assert.Equal(opened.Id, Assert.Single(listedToSupervisor).Id);
        var audit = await PatientApi.AuditAsync(hub.Services, patient.Id);
        Assert.Equal(
            [CaseAuditOperations.Note, CaseAuditOperations.Open, CaseAuditOperations.Read, CaseAuditOperations.Status],
            audit.Where(a => a.UserId == other.User.Id && a.Outcome == "denied").Select(a => a.Operation).Order());
        Assert.Contains(audit, a => a is { Operation: CaseAuditOperations.List, Outcome: "success" } && a.UserId == consultant.User.Id);
        Assert.Equal(CaseStatuses.Open, (await CaseApi.GetAsync(consultant.Client, opened.Id)).Case.Status);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task List_FiltersByStatusSeverityOwnerAndOverdue_AndPages(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var owner = await hub.SignInAsAsync(Roles.Agent);
        var patient = await PatientApi.CreateAsync(supervisor.Client, phones: UniqueData.ChinaMobile());
        var critical = await CaseApi.OpenAsync(supervisor.Client, patient.Id, severity: "critical");
        hub.Time.Advance(TimeSpan.FromMinutes(1));
        var low = await CaseApi.OpenAsync(supervisor.Client, patient.Id, severity: "low");
        hub.Time.Advance(TimeSpan.FromMinutes(1));
        var medium = await CaseApi.OpenAsync(supervisor.Client, patient.Id, severity: "medium");
        (await supervisor.Client.PutAsJsonAsync($"/api/cases/{low.Id}/owner", new { ownerId = owner.User.Id })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await CaseApi.MoveAsync(supervisor.Client, medium.Id, "investigating")).StatusCode);
        hub.Time.Advance(TimeSpan.FromMinutes(29)); // the critical case's first response (30 minutes) is missed

        var p = $"&patientId={patient.Id}";
        Assert.Equal([critical.Id], (await CaseApi.ListAsync(supervisor.Client, "?overdue=true" + p)).Select(c => c.Id));
        Assert.Equal([medium.Id, low.Id], (await CaseApi.ListAsync(supervisor.Client, "?overdue=false" + p)).Select(c => c.Id));
        Assert.Equal([medium.Id], (await CaseApi.ListAsync(supervisor.Client, "?status=investigating" + p)).Select(c => c.Id));
        Assert.Equal([low.Id], (await CaseApi.ListAsync(supervisor.Client, "?severity=low" + p)).Select(c => c.Id));
        Assert.Equal([low.Id], (await CaseApi.ListAsync(supervisor.Client, $"?ownerId={owner.User.Id}" + p)).Select(c => c.Id));
        var first = (await supervisor.Client.GetFromJsonAsync<CallCenter.Core.Common.Page<CaseResponse>>($"/api/cases?pageSize=2" + p))!;
        var second = (await supervisor.Client.GetFromJsonAsync<CallCenter.Core.Common.Page<CaseResponse>>($"/api/cases?pageSize=2&page=2" + p))!;
        Assert.Equal([medium.Id, low.Id], first.Items.Select(c => c.Id));
        Assert.True(first.HasMore);
        Assert.Equal([critical.Id], second.Items.Select(c => c.Id));
        Assert.False(second.HasMore);
        Assert.Equal(["severity"], await PatientApi.ErrorFieldsAsync(await supervisor.Client.GetAsync("/api/cases?severity=huge")));
        Assert.Equal(["status"], await PatientApi.ErrorFieldsAsync(await supervisor.Client.GetAsync("/api/cases?status=lost")));
        Assert.Equal(["pageSize"], await PatientApi.ErrorFieldsAsync(await supervisor.Client.GetAsync("/api/cases?pageSize=0")));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AssignNoteAndLink_RecordHistory_AssignIsForSupervisorsAndUnknownSidsAre400(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var patient = await PatientApi.CreateAsync(agent.Client, phones: UniqueData.ChinaMobile());
        var opened = await CaseApi.OpenAsync(agent.Client, patient.Id, severity: "low");

        var agentAssigns = await agent.Client.PutAsJsonAsync($"/api/cases/{opened.Id}/owner", new { ownerId = agent.User.Id });
        var assigned = await supervisor.Client.PutAsJsonAsync($"/api/cases/{opened.Id}/owner", new { ownerId = agent.User.Id });
        var noSuchOwner = await supervisor.Client.PutAsJsonAsync($"/api/cases/{opened.Id}/owner", new { ownerId = Guid.NewGuid() });
        hub.Time.Advance(TimeSpan.FromMinutes(5));
        var note = await agent.Client.PostAsJsonAsync($"/api/cases/{opened.Id}/notes", new { body = "患者同意下周复诊时面谈。" });
        var emptyNote = await agent.Client.PostAsJsonAsync($"/api/cases/{opened.Id}/notes", new { body = "  " });
        var unknownCall = await agent.Client.PostAsJsonAsync($"/api/cases/{opened.Id}/links", new { kind = "call", sid = "CA" + new string('1', 32) });
        var badKind = await agent.Client.PostAsJsonAsync($"/api/cases/{opened.Id}/links", new { kind = "fax", sid = "FX1" });
        var missing = await agent.Client.PostAsJsonAsync($"/api/cases/{Guid.NewGuid()}/notes", new { body = "x" });
        var details = await CaseApi.GetAsync(agent.Client, opened.Id);

        Assert.Equal(HttpStatusCode.Forbidden, agentAssigns.StatusCode);
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(["ownerId"], await PatientApi.ErrorFieldsAsync(noSuchOwner));
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        Assert.Equal(["body"], await PatientApi.ErrorFieldsAsync(emptyNote));
        Assert.Equal(["sid"], await PatientApi.ErrorFieldsAsync(unknownCall));
        Assert.Equal(["kind"], await PatientApi.ErrorFieldsAsync(badKind));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(agent.User.Id, details.Case.OwnerId);
        Assert.Equal(opened.CreatedAt.AddMinutes(5), details.Case.FirstRespondedAt);
        Assert.Equal(["opened", "owner", "note"], details.Notes.Select(n => n.Kind));
        Assert.Equal("患者同意下周复诊时面谈。", details.Notes[^1].Body);
    }
}
