using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Patients;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Patients;

public sealed class PatientConsentEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Consents_GrantThenWithdraw_NewestIsCurrentAndHistoryKept(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var patient = await PatientApi.CreateAsync(agent.Client);
        var url = $"/api/patients/{patient.Id}/consents";

        var granted = await agent.Client.PostAsJsonAsync(url, new { channel = "sms", granted = true, method = "written" });
        hub.Time.Advance(TimeSpan.FromMinutes(1));
        var withdrawn = await agent.Client.PostAsJsonAsync(url, new { channel = "sms", granted = false, method = "sms-keyword", note = "replied STOP" });
        var overview = await agent.Client.GetFromJsonAsync<ConsentOverview>(url);
        var onRecord = await agent.Client.GetFromJsonAsync<Api.Patients.PatientResponse>($"/api/patients/{patient.Id}");

        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        Assert.Equal(HttpStatusCode.Created, withdrawn.StatusCode);
        var current = Assert.Single(overview!.Current);
        Assert.False(current.Granted);
        Assert.Equal("sms-keyword", current.Method);
        Assert.Equal(agent.User.Id, current.RecordedByUserId);
        Assert.Equal(2, overview.History.Count);
        Assert.False(Assert.Single(onRecord!.Consents).Granted);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task AddConsent_WithBadInput_Returns400NamingEachField(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var patient = await PatientApi.CreateAsync(agent.Client);

        var response = await agent.Client.PostAsJsonAsync($"/api/patients/{patient.Id}/consents", new { channel = "fax", method = "telepathy", purpose = "marketing" });

        Assert.Equal(["channel", "granted", "method", "purpose"], (await PatientApi.ErrorFieldsAsync(response)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Consents_UnknownPatient_Returns404(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var url = $"/api/patients/{Guid.NewGuid()}/consents";

        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.PostAsJsonAsync(url, new { channel = "sms", granted = true, method = "verbal" })).StatusCode);
    }
}
