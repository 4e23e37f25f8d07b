using AgentDesk.Contracts;
using CallCenter.Api.Infrastructure;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Desk;

public sealed class DeskConnectionTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Connect_Anonymous_IsRefused(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        await using var connection = hub.Connection(token: null);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Connect_WithForgedToken_IsRefused(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        await using var connection = hub.Connection("not-a-token");

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Connect_DisabledAccount_IsRefused(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var (user, token) = await hub.SignInAsAsync(Roles.Agent);
        await hub.Services.GetRequiredService<IUserRepository>().UpdateAsync(user.Id, user.DisplayName, user.Role, isDisabled: true);
        ActiveAccountMiddleware.Forget(hub.Services.GetRequiredService<IMemoryCache>(), user.Id);
        await using var connection = hub.Connection(token);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Connect_EachRoleWithHeaderToken_GetsOwnDesk(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        foreach (var role in Roles.All.Where(r => r != Roles.Wallboard))
        {
            await using var desk = await hub.ConnectAgentAsync(role);

            var snapshot = await desk.DeskAsync();

            Assert.Equal(desk.User.UserName, snapshot.UserName);
            Assert.Equal("offline", snapshot.State.State);
            Assert.Contains("resolved", snapshot.Dispositions);
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Connect_WallboardAccount_IsForbidden(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var (_, token) = await hub.SignInAsAsync(Roles.Wallboard);
        await using var header = hub.Connection(token);
        await using var query = hub.Connection(token: null, HttpTransportType.WebSockets, "?access_token=" + Uri.EscapeDataString(token));

        var byHeader = await Assert.ThrowsAsync<HttpRequestException>(() => header.StartAsync());
        var byQuery = await Assert.ThrowsAnyAsync<Exception>(() => query.StartAsync());

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, byHeader.StatusCode);
        Assert.Contains("403", byQuery.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Connect_WebSocketsWithQueryToken_Works(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var (user, token) = await hub.SignInAsAsync(Roles.Agent);
        await using var connection = hub.Connection(token: null, HttpTransportType.WebSockets, "?access_token=" + Uri.EscapeDataString(token));

        await connection.StartAsync();
        var snapshot = await connection.InvokeAsync<DeskSnapshot>(nameof(IAgentDeskHub.GetDeskAsync));

        Assert.Equal(user.UserName, snapshot.UserName);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task QueryToken_OutsideTheHub_IsIgnored(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var (_, token) = await hub.SignInAsAsync(Roles.Agent);
        using var client = hub.Server.CreateClient();

        var response = await client.GetAsync(new Uri("/api/patients?access_token=" + Uri.EscapeDataString(token), UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
