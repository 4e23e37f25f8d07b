using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CallCenter.Api.Tests.Accounts;

/// <summary>
/// Issue 15: a sign-in cookie ends after the idle timeout (15 minutes by default) without a request, and after the token
/// lifetime (8 hours) however busy its user. Each test has its own hub: the clock jumps.
/// </summary>
public sealed class CookieIdleTimeoutTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Cookie_IdleBeyondTimeout_IsRefused_WhileABusyOneSlides(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var hub = new ApiFactory(database);
        var busy = await CookieClientAsync(hub);
        var idle = await CookieClientAsync(hub);

        hub.Time.Advance(TimeSpan.FromMinutes(10));
        var busyAt10 = await busy.GetAsync("/api/auth/me");
        hub.Time.Advance(TimeSpan.FromMinutes(10));
        var busyAt20 = await busy.GetAsync("/api/auth/me");
        var idleAt20 = await idle.GetAsync("/api/auth/me");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (busyAt10.StatusCode, busyAt20.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, idleAt20.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Cookie_BusyForTheWholeTokenLifetime_EndsAtIt(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var hub = new ApiFactory(database);
        var client = await CookieClientAsync(hub);

        // A request every 10 minutes for 7 h 50 min: the cookie slides and stays valid.
        for (var minute = 10; minute < 480; minute += 10)
        {
            hub.Time.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        }

        hub.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    private static async Task<HttpClient> CookieClientAsync(ApiFactory hub)
    {
        var client = hub.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = AdminBootstrapper.AdminUserName, password = ApiFactory.AdminPassword });
        login.EnsureSuccessStatusCode();
        return client;
    }
}
