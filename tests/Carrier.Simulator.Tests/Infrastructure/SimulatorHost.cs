using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Twilio.Protocol;
using Twilio.Protocol.Rest;

namespace Carrier.Simulator.Tests.Infrastructure;

/// <summary>A minimal host (TestServer) serving the simulator; its webhooks go to a <see cref="FakeHub"/>.</summary>
internal sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, FakeHub hub, FakeTimeProvider time)
    {
        _app = app;
        Hub = hub;
        Time = time;
    }

    public FakeHub Hub { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public HttpClient Client { get; private set; } = null!;

    public TwilioRestClient Rest => _app.Services.GetRequiredService<TwilioRestClient>();

    /// <summary>
    /// The address a process outside the test reaches the simulator's REST API at, when started with
    /// <c>network: true</c> (Kestrel on a free loopback port); null on the in-memory test server.
    /// </summary>
    public Uri? NetworkApiBaseUrl { get; private set; }

    /// <summary>
    /// Starts the simulator; <paramref name="settings"/> are added to its configuration, and every request is made to
    /// come from <paramref name="clientAddress"/> when one is given (the test server itself sets no address).
    /// </summary>
    public static async Task<SimulatorHost> StartAsync(
        bool enabled = true, bool network = false, IReadOnlyDictionary<string, string?>? settings = null, System.Net.IPAddress? clientAddress = null)
    {
        var builder = WebApplication.CreateBuilder();
        var apiBase = SimulatorHarness.PublicBaseUrl + "/simulator";
        if (network)
        {
            var origin = "http://127.0.0.1:" + FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.WebHost.UseUrls(origin);
            apiBase = origin + "/simulator";
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Twilio:AccountSid"] = SimulatorHarness.AccountSid,
            ["Twilio:AuthToken"] = SimulatorHarness.AuthToken,
            ["Twilio:PublicBaseUrl"] = SimulatorHarness.PublicBaseUrl,
            ["Twilio:ApiBaseUrl"] = apiBase,
            ["Twilio:MaxAttempts"] = "1",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var hub = new FakeHub(SimulatorHarness.AuthToken);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddTwilioProtocol();
        builder.Services.AddCarrierSimulator(_ => enabled);
        builder.Services.AddHttpClient("carrier-simulator").ConfigurePrimaryHttpMessageHandler(() => hub).SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        WebApplication? started = null;
        if (!network)
        {
            builder.Services.AddHttpClient<TwilioRestClient>().ConfigurePrimaryHttpMessageHandler(() => started!.GetTestServer().CreateHandler());
        }

        var app = builder.Build();
        started = app;
        if (clientAddress is not null)
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = clientAddress;
                return following(context);
            });
        }

        app.MapCarrierSimulator();
        await app.StartAsync();
        var host = new SimulatorHost(app, hub, time);
        host.Client = network ? new HttpClient { BaseAddress = new Uri(apiBase[..^"/simulator".Length]) } : app.GetTestClient();
        host.NetworkApiBaseUrl = network ? new Uri(apiBase) : null;
        return host;
    }

    /// <summary>A REST client with other credentials, through the same test server.</summary>
    public TwilioRestClient RestWithToken(string token)
    {
        var options = _app.Services.GetRequiredService<IOptions<TwilioOptions>>().Value;
        var other = new TwilioOptions { AccountSid = options.AccountSid, AuthToken = token, ApiBaseUrl = options.ApiBaseUrl, PublicBaseUrl = options.PublicBaseUrl, MaxAttempts = 1 };
        return new TwilioRestClient(new HttpClient(_app.GetTestServer().CreateHandler()), Options.Create(other), (_, _) => Task.CompletedTask, NullLogger<TwilioRestClient>.Instance);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
