using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Ivr;
using CallCenter.Api.Patients;
using CallCenter.Api.Tests.Patients;
using CallCenter.Api.Tests.Telephony;
using CallCenter.Core.Accounts;
using CallCenter.Core.Audit;
using CallCenter.Core.Ivr;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>A call's IVR session is its patient's data: hidden outside the patient's scope, and every read audited.</summary>
public sealed class CallIvrScopeTests(IvrFixture fixture) : IClassFixture<IvrFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CallIvr_PatientAssignedToAnotherConsultant_Returns404AndAuditsBothReads(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var consultant = await hub.Api.SignInAsAsync(Roles.Agent);
        var otherAgent = await hub.Api.SignInAsAsync(Roles.Agent);
        var supervisor = await hub.Api.SignInAsAsync(Roles.Supervisor);
        var phone = UniqueData.ChinaMobile();
        var patient = await PatientApi.CreateAsync(supervisor.Client, phones: phone);
        await supervisor.Client.PutAsJsonAsync($"/api/patients/{patient.Id}/assignment", new { userId = consultant.User.Id });
        var number = TestFlows.Number();
        await hub.WriteFlowAsync(TestFlows.FileName("scope"), TestFlows.Gather("scope-" + Guid.NewGuid().ToString("N")[..8], number));
        var sid = TwilioWebhookClient.Sid("CA");
        await hub.CallAsync(sid, number, from: phone);

        var hidden = await otherAgent.Client.GetAsync($"/api/calls/{sid}/ivr");
        var shown = await consultant.Client.GetAsync($"/api/calls/{sid}/ivr");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (hidden.StatusCode, shown.StatusCode));
        var audit = await PatientApi.AuditAsync(hub.Api.Services, patient.Id);
        Assert.Contains(audit, e => e.UserId == otherAgent.User.Id && e.Operation == CallIvrEndpoints.ReadOperation && e.Outcome == AuditOutcomes.Denied);
        Assert.Contains(audit, e => e.UserId == consultant.User.Id && e.Operation == CallIvrEndpoints.ReadOperation && e.Outcome == AuditOutcomes.Success);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CallIvr_UnknownNumberVerifiedAsAnotherConsultantsPatient_Returns404AndAuditsThatPatient(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var consultant = await hub.Api.SignInAsAsync(Roles.Agent);
        var otherAgent = await hub.Api.SignInAsAsync(Roles.Agent);
        var supervisor = await hub.Api.SignInAsAsync(Roles.Supervisor);
        var mrn = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var created = await supervisor.Client.PostAsJsonAsync("/api/patients", new { fullName = UniqueData.Name("patient"), mrn, dateOfBirth = "1980-01-15" });
        var patient = (await created.Content.ReadFromJsonAsync<PatientResponse>())!;
        await supervisor.Client.PutAsJsonAsync($"/api/patients/{patient.Id}/assignment", new { userId = consultant.User.Id });
        var number = TestFlows.Number();
        await hub.WriteFlowAsync(TestFlows.FileName("verified-scope"), TestFlows.Verify("verified-scope-" + Guid.NewGuid().ToString("N")[..8], number));
        var sid = TwilioWebhookClient.Sid("CA");

        // A number on no record: the call is linked to no patient; the caller then proves to be the consultant's patient.
        var twiml = await hub.CallAsync(sid, number, from: UniqueData.ChinaMobile());
        twiml = await hub.AnswerGatherAsync(twiml, sid, number, mrn + "#");
        twiml = await hub.AnswerGatherAsync(twiml, sid, number, "19800115");
        Assert.Contains("Verified", IvrHub.Spoken(twiml));

        var hidden = await otherAgent.Client.GetAsync($"/api/calls/{sid}/ivr");
        var shown = await consultant.Client.GetAsync($"/api/calls/{sid}/ivr");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (hidden.StatusCode, shown.StatusCode));
        var audit = await PatientApi.AuditAsync(hub.Api.Services, patient.Id);
        Assert.Contains(audit, e => e.UserId == otherAgent.User.Id && e.Operation == CallIvrEndpoints.ReadOperation && e.Outcome == AuditOutcomes.Denied);
        Assert.Contains(audit, e => e.UserId == consultant.User.Id && e.Operation == CallIvrEndpoints.ReadOperation && e.Outcome == AuditOutcomes.Success);

        // The IVR's own rows about the patient name the call.
        var ivrRows = audit.Where(e => e.UserName == Actor.Ivr.UserName).ToList();
        Assert.NotEmpty(ivrRows);
        Assert.All(ivrRows, e => Assert.Contains(sid, e.Detail, StringComparison.Ordinal));
    }
}
