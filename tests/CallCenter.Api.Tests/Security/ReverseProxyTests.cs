using System.Net;
using System.Net.Http.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Security;

/// <summary>
/// Issue 15 point 7: behind a reverse proxy the hub believes forwarded headers from configured proxies only (so rate
/// limits and the simulator's loopback rule see the real client), and outside Development it redirects plain HTTP,
/// sends HSTS and marks its cookie Secure. These hubs run in the Testing environment: not Development.
/// </summary>
public sealed class ReverseProxyTests
{
    private const string Proxy = "10.0.0.5";

    [Fact]
    public async Task SignInLimit_KeysOnTheClientATrustedProxyForwards()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        await using var api = new ApiFactory(database, Limited(trustProxy: true));
        await using var hub = FromAddress(api, Proxy);
        using var client = hub.CreateClient();

        var first = await WrongPasswordAsync(client, from: "203.0.113.1");
        var second = await WrongPasswordAsync(client, from: "203.0.113.1");
        var third = await WrongPasswordAsync(client, from: "203.0.113.1");
        var other = await WrongPasswordAsync(client, from: "203.0.113.2");

        Assert.Equal(
            (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.Unauthorized),
            (first, second, third, other));
    }

    [Fact]
    public async Task SignInLimit_IgnoresForwardedHeadersFromAnUntrustedAddress()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        await using var api = new ApiFactory(database, Limited(trustProxy: false));
        await using var hub = FromAddress(api, Proxy);
        using var client = hub.CreateClient();

        await WrongPasswordAsync(client, from: "203.0.113.1");
        await WrongPasswordAsync(client, from: "203.0.113.1");
        // A client cannot buy a fresh allowance by writing another address in a header.
        var forged = await WrongPasswordAsync(client, from: "203.0.113.2");

        Assert.Equal(HttpStatusCode.TooManyRequests, forged);
    }

    [Fact]
    public async Task Simulator_ReachedThroughALocalProxy_SeesTheRemoteClientAndStaysClosed()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        await using var api = new ApiFactory(database);
        await using var hub = FromAddress(api, "127.0.0.1");
        using var client = hub.CreateClient();

        using var local = await client.GetAsync(new Uri("/simulator/phone", UriKind.Relative));
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, "/simulator/phone");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var remote = await client.SendAsync(forwarded);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (local.StatusCode, remote.StatusCode));
    }

    [Fact]
    public async Task OutsideDevelopment_PlainHttpIsRedirectedExceptHealth_AndHttpsGetsHsts()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        var settings = new Dictionary<string, string?> { ["https_port"] = "443", ["ReverseProxy:KnownProxies:0"] = Proxy };
        await using var api = new ApiFactory(database, settings);
        await using var hub = FromAddress(api, Proxy);
        using var client = hub.CreateClient(new() { AllowAutoRedirect = false });

        using var plain = await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
        using var health = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var viaTls = new HttpRequestMessage(HttpMethod.Get, "http://hub.example.org/health/live");
        viaTls.Headers.Add("X-Forwarded-Proto", "https");
        using var secure = await client.SendAsync(viaTls);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https://localhost/api/auth/me", plain.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Contains("max-age=31536000", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopment_TheSignInCookieIsSecure()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        // The test default (false, for plain-HTTP test clients) taken away: the hub's own default applies.
        await using var hub = new ApiFactory(database, new Dictionary<string, string?> { ["ReverseProxy:SecureCookies"] = "" });
        using var client = hub.CreateClient();

        using var signedIn = await client.PostAsJsonAsync("/api/auth/login", new { userName = AdminBootstrapper.AdminUserName, password = ApiFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("callcenter.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task StartUp_RefusesAProxyThatIsNotAnAddress()
    {
        await using var database = await TestDatabase.CreateAsync(TestEngines.Sqlite);
        var scratch = Directory.CreateTempSubdirectory("callcenter-proxy-").FullName;
        // Built as Program builds it: WebApplicationFactory hides why a host failed to start.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(database.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [AdminBootstrapper.PasswordVariable] = ApiFactory.AdminPassword,
            ["Auth:DataProtectionKeysPath"] = Path.Combine(scratch, "keys"),
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(scratch, "logs", "callcenter-.log"),
            ["Jobs:StartScheduler"] = "false",
            ["Telephony:Mode"] = "simulator",
            ["ReverseProxy:KnownProxies:0"] = "proxy.example.org",
        });
        builder.AddCallCenterApi();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            app.UseCallCenterApi();
            app.MapCallCenterEndpoints();
            await app.StartAsync();
        });

        Assert.Contains("ReverseProxy:KnownProxies must be IP addresses", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Limited(bool trustProxy)
    {
        var settings = new Dictionary<string, string?> { ["Auth:SignInPermitsPerMinute"] = "2" };
        if (trustProxy)
        {
            settings["ReverseProxy:KnownProxies:0"] = Proxy;
        }

        return settings;
    }

    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> FromAddress(ApiFactory hub, string address) =>
        hub.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter>(_ => new ClientAddressStartupFilter(IPAddress.Parse(address)))));

    private static async Task<HttpStatusCode> WrongPasswordAsync(HttpClient client, string from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token")
        {
            Content = JsonContent.Create(new { userName = "nobody-" + from, password = "wrong" }),
        };
        request.Headers.Add("X-Forwarded-For", from);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
