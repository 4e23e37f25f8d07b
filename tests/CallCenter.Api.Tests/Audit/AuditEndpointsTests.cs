using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Audit;

public sealed class AuditEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Audit_ForAdmin_ShowsSignInOfAUser(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        var page = await admin.Client.GetFromJsonAsync<AuditPage>($"/api/audit?userId={agent.User.Id}");

        var entry = Assert.Single(page!.Items);
        Assert.Equal("auth.sign-in", entry.Operation);
        Assert.Equal("success", entry.Outcome);
        Assert.Equal(agent.User.UserName, entry.UserName);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Audit_AfterWrongPassword_ShowsDeniedSignIn(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        await hub.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = agent.User.UserName, password = "wrong-password" });

        var page = await admin.Client.GetFromJsonAsync<AuditPage>("/api/audit?pageSize=200");

        Assert.Contains(page!.Items, e => e.Operation == "auth.sign-in" && e.Outcome == "denied" && e.UserName == agent.User.UserName);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Audit_ReadByAnAdmin_IsItselfAuditedWithThePatientAsked(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var patientId = Guid.NewGuid();

        var first = await admin.Client.GetFromJsonAsync<AuditPage>($"/api/audit?patientId={patientId}");
        var trail = await admin.Client.GetFromJsonAsync<AuditPage>($"/api/audit?userId={admin.User.Id}");

        Assert.Empty(first!.Items);
        var read = Assert.Single(trail!.Items, e => e.Operation == "audit.read");
        Assert.Equal(admin.User.UserName, read.UserName);
        Assert.Equal("success", read.Outcome);
        Assert.StartsWith("user any, from any, to any, page 1", read.Detail, StringComparison.Ordinal);
        var asked = await admin.Client.GetFromJsonAsync<AuditPage>($"/api/audit?patientId={patientId}");
        Assert.Equal(read.Id, Assert.Single(asked!.Items).Id);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Audit_ForAgentOrSupervisor_Returns403(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        var supervisor = await hub.SignInAsAsync(Roles.Supervisor);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Client.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Client.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await hub.CreateClient().GetAsync("/api/audit")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Audit_WithToBeforeFrom_Returns400NamingTo(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var response = await admin.Client.GetAsync("/api/audit?from=2026-11-23T10:00:00Z&to=2026-11-23T09:00:00Z");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["to"], await ProblemReader.FieldsAsync(response));
    }

    private sealed record AuditPage(IReadOnlyList<AuditItem> Items, int PageNumber, int PageSize, bool HasMore);

    private sealed record AuditItem(Guid Id, DateTime OccurredAt, Guid? UserId, string? UserName, string Operation, string Outcome, string? Detail);
}
