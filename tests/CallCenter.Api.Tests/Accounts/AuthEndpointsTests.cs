using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Accounts;

public sealed class AuthEndpointsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Token_ForFirstAdmin_SignsInWithConfiguredPassword(string engine)
    {
        var hub = await fixture.GetAsync(engine);

        var client = await hub.SignInAsync(AdminBootstrapper.AdminUserName, ApiFactory.AdminPassword);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/auth/me");

        Assert.Equal("admin", me!.UserName);
        Assert.Equal(Roles.Admin, me.Role);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Token_WithWrongPassword_Returns401(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var client = hub.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "wrong-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Login_WithCookie_SignsInUntilLogout(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var client = hub.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });

        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = ApiFactory.AdminPassword });
        var me = await client.GetAsync("/api/auth/me");
        var logout = await client.PostAsync("/api/auth/logout", content: null);
        var afterLogout = await client.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("callcenter.auth", string.Join(";", login.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterLogout.StatusCode);
    }

    [Fact]
    public async Task Token_BeyondSignInRateLimit_Returns429()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        await using var hub = new ApiFactory(database, new Dictionary<string, string?> { ["Auth:SignInPermitsPerMinute"] = "3" });
        var client = hub.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "wrong-password" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Token_ForUnknownUserWrongPasswordLockedOrDisabledAccount_AnswersOneAndTheSameRefusal(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var locked = await hub.SignInAsAsync(Roles.Agent);
        var disabled = await hub.SignInAsAsync(Roles.Agent);
        var client = hub.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/token", new { userName = locked.User.UserName, password = "wrong-password" });
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"/api/users/{disabled.User.Id}", new { isDisabled = true })).StatusCode);

        var answers = new List<(HttpStatusCode Status, string? Title, string? Detail)>();
        foreach (var (userName, password) in new[]
        {
            ("nobody-" + Guid.NewGuid().ToString("N")[..8], "Some-password-1"),
            (disabled.User.UserName, "wrong-password"),
            (locked.User.UserName, ApiFactory.UserPassword),
            (disabled.User.UserName, ApiFactory.UserPassword),
        })
        {
            var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
            var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
            answers.Add((response.StatusCode, problem?.Title, problem?.Detail));
        }

        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(HttpStatusCode.Unauthorized, answers[0].Status);
    }

    [Fact]
    public async Task Token_BeyondPerAccountLimit_Returns429ForThatUserNameOnly()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        await using var hub = new ApiFactory(database, new Dictionary<string, string?> { ["Auth:SignInPermitsPerAccountPerMinute"] = "3" });
        var client = hub.CreateClient();

        async Task<HttpStatusCode> AttemptAsync(string userName) =>
            (await client.PostAsJsonAsync("/api/auth/token", new { userName, password = "wrong-password" })).StatusCode;

        var admin = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            admin.Add(await AttemptAsync(i % 2 == 0 ? "admin" : "ADMIN"));
        }

        var unknown = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            unknown.Add(await AttemptAsync("nobody-here"));
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], admin);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], unknown);
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptAsync("someone-else"));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Token_OfAccountDisabledAfterSignIn_Returns401(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var admin = await hub.SignInAsAsync(Roles.Admin);
        var agent = await hub.SignInAsAsync(Roles.Agent);
        Assert.Equal(HttpStatusCode.OK, (await agent.Client.GetAsync("/api/auth/me")).StatusCode);

        var disable = await admin.Client.PutAsJsonAsync($"/api/users/{agent.User.Id}", new { isDisabled = true });
        var afterwards = await agent.Client.GetAsync("/api/auth/me");

        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
    }

    private sealed record MeResponse(Guid Id, string UserName, string Role);
}
