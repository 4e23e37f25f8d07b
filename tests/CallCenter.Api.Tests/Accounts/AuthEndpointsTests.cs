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

    private sealed record MeResponse(Guid Id, string UserName, string Role);
}
