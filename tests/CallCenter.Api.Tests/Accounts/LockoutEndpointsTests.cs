using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Accounts;

public sealed class LockoutEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Password = "Password-For-Tests-1";
    private const int MaxFailedLogins = 5; // appsettings.json

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Token_AfterRepeatedWrongPasswords_RefusesTheRightPasswordWithTheCommonAnswerAndAuditsTheLock(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        await FailAsync(hub, agent.User.UserName, MaxFailedLogins);
        var response = await hub.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = agent.User.UserName, password = Password });

        // The caller is not told the account is locked (docs/security.md, "Signing in"); the audit trail says so.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("locked", await ProblemReader.DetailAsync(response), StringComparison.OrdinalIgnoreCase);
        var trail = await admin.Client.GetFromJsonAsync<AuditPage>("/api/audit?pageSize=200");
        Assert.Contains(trail!.Items, e => e.Operation == "auth.sign-in" && e.UserName == agent.User.UserName && e.Detail == "LockedOut");
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Unlock_ByAdmin_ClearsLockout(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        await FailAsync(hub, agent.User.UserName, MaxFailedLogins);
        var locked = await admin.Client.GetFromJsonAsync<LockState>($"/api/users/{agent.User.Id}");
        Assert.True(locked!.IsLockedOut);

        var unlock = await admin.Client.PostAsync($"/api/users/{agent.User.Id}/unlock", null);

        Assert.Equal(HttpStatusCode.NoContent, unlock.StatusCode);
        var after = await admin.Client.GetFromJsonAsync<LockState>($"/api/users/{agent.User.Id}");
        Assert.False(after!.IsLockedOut);
        await hub.SignInAsync(agent.User.UserName, Password);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Unlock_UnknownUser_Returns404(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);

        var response = await admin.Client.PostAsync($"/api/users/{Guid.NewGuid()}/unlock", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Unlock_ByAgent_Returns403(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var agent = await hub.SignInAsAsync(Roles.Agent);

        var response = await agent.Client.PostAsync($"/api/users/{agent.User.Id}/unlock", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private sealed record AuditPage(IReadOnlyList<AuditItem> Items);

    private sealed record AuditItem(string? UserName, string Operation, string Outcome, string? Detail);

    private static async Task FailAsync(ApiFactory hub, string userName, int times)
    {
        var client = hub.CreateClient();
        for (var i = 0; i < times; i++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    private sealed record LockState(Guid Id, bool IsLockedOut);
}
