using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CallCenter.Api.Telephony;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Simulator;

/// <summary>
/// Who can reach the built-in carrier simulator (docs/security.md, "The carrier simulator in production"): nobody when
/// the hub talks to Twilio, loopback clients only by default, and in Production only when it was chosen explicitly.
/// </summary>
public sealed partial class SimulatorExposureTests
{
    private static readonly Dictionary<string, string?> TwilioMode = new()
    {
        ["Telephony:Mode"] = "twilio",
        ["Twilio:AccountSid"] = "AC0123456789abcdef0123456789abcdef",
        ["Twilio:AuthToken"] = "a-real-looking-token",
    };

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Hub_InProductionWithAutoModeAndNoTwilioCredentials_FailsToStartNamingTheSettings(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        using var scratch = new TempFolder();
        // Built as Program builds it: WebApplicationFactory hides why a host failed to start behind ObjectDisposedException.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(database.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [CallCenter.Core.Accounts.AdminBootstrapper.PasswordVariable] = ApiFactory.AdminPassword,
            ["Auth:DataProtectionKeysPath"] = Path.Combine(scratch.Path, "keys"),
            ["Serilog:WriteTo:1:Args:path"] = Path.Combine(scratch.Path, "logs", "callcenter-.log"),
            ["Jobs:StartScheduler"] = "false",
        });
        builder.AddCallCenterApi();
        await using var app = builder.Build();
        app.UseCallCenterApi();
        app.MapCallCenterEndpoints();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        var message = Flatten(error);
        Assert.Contains("Telephony:Mode=simulator", message, StringComparison.Ordinal);
        Assert.Contains("Twilio:AccountSid", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Hub_InProductionWithModeSimulator_ServesTheSimulator(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var hub = new ApiFactory(database, new Dictionary<string, string?> { ["Telephony:Mode"] = "simulator" });
        await using var production = hub.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        using var response = await production.CreateClient().GetAsync(new Uri("/simulator/phone", UriKind.Relative));

        Assert.True(production.Services.GetRequiredService<CarrierMode>().IsSimulator);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The README's quick start runs in Development (launchSettings.json) with no settings: the simulator, as before.</summary>
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Hub_InDevelopmentWithAutoModeAndNoTwilioCredentials_RunsTheSimulator(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var hub = new ApiFactory(database);
        await using var development = hub.WithWebHostBuilder(builder => builder.UseEnvironment("Development"));

        using var response = await development.CreateClient().GetAsync(new Uri("/simulator/phone", UriKind.Relative));

        Assert.True(development.Services.GetRequiredService<CarrierMode>().IsSimulator);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>
    /// Every route under the simulator's prefix, as the hub's endpoint data source lists them (a route added later is
    /// covered without changing this test), with every method it maps, answers 404 when the hub talks to Twilio.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task EverySimulatorRoute_InTwilioMode_Answers404(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var hub = new ApiFactory(database, TwilioMode);
        using var client = hub.CreateClient();

        var routes = SimulatorRoutes(hub.Services);
        var answers = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(Fill(pattern), UriKind.Relative));
            if (method is "POST" or "PUT")
            {
                request.Content = JsonContent.Create(new { from = "+8613800138000", to = "+861012345678", body = "hi", digits = "1", hold = true });
            }

            using var response = await client.SendAsync(request);
            answers.Add($"{method} {pattern} {(int)response.StatusCode}");
        }

        Assert.False(hub.Services.GetRequiredService<CarrierMode>().IsSimulator);
        Assert.Contains(routes, r => r.Pattern == "/simulator/phone");
        Assert.Contains(routes, r => r.Pattern.EndsWith("/Messages.json", StringComparison.Ordinal) && r.Method == "POST");
        Assert.All(answers, answer => Assert.EndsWith(" 404", answer, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SimulatorRoutes_FromARemoteClient_Answer404(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var hub = new ApiFactory(database);
        await using var remote = hub.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter>(_ => new ClientAddressStartupFilter(IPAddress.Parse("203.0.113.7")))));
        using var client = remote.CreateClient();

        using var phone = await client.GetAsync(new Uri("/simulator/phone", UriKind.Relative));
        using var thread = await client.GetAsync(new Uri("/simulator/sms?number=%2B8613800138000", UriKind.Relative));
        using var call = await client.PostAsJsonAsync("/simulator/calls", new { from = "+8613800138000", to = "+861012345678" });

        Assert.True(remote.Services.GetRequiredService<CarrierMode>().IsSimulator);
        Assert.Equal(HttpStatusCode.NotFound, phone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, thread.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, call.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task SimulatorPhone_FromARemoteClient_WhenRemoteClientsAllowed_IsServed(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var hub = new ApiFactory(database, new Dictionary<string, string?> { ["CarrierSimulator:AllowRemoteClients"] = "true" });
        await using var remote = hub.WithWebHostBuilder(builder =>
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter>(_ => new ClientAddressStartupFilter(IPAddress.Parse("203.0.113.7")))));

        using var phone = await remote.CreateClient().GetAsync(new Uri("/simulator/phone", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, phone.StatusCode);
    }

    private static List<(string Method, string Pattern)> SimulatorRoutes(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw == Carrier.Simulator.CarrierSimulatorExtensions.PathPrefix
                || raw.StartsWith(Carrier.Simulator.CarrierSimulatorExtensions.PathPrefix + "/", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))];

    // Route values that pass any constraint the simulator's routes use: a SID-shaped token.
    private static string Fill(string pattern) => RouteParameter().Replace(pattern, "CA0123456789abcdef0123456789abcdef");

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join('\n', aggregate.InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is null ? string.Empty : "\n" + Flatten(error.InnerException));

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("callcenter-production-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
