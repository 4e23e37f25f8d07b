using System.Net;
using System.Net.Sockets;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>
/// The hub on a real Kestrel port on loopback, for what a TestServer cannot do: a browser loading pages, the
/// carrier simulator calling the hub's webhooks over real HTTP. Its public base URL is its own address.
/// </summary>
public sealed class LiveHub : IAsyncDisposable
{
    private readonly bool _ownsDatabase;

    private LiveHub(TestDatabase database, ApiFactory factory, Uri baseAddress, bool ownsDatabase)
    {
        _ownsDatabase = ownsDatabase;
        Database = database;
        Factory = factory;
        BaseAddress = baseAddress;
    }

    public TestDatabase Database { get; }

    public ApiFactory Factory { get; }

    public Uri BaseAddress { get; }

    public static Task<LiveHub> StartAsync(string engine = TestEngines.Sqlite) => StartAsync(engine, settings: null);

    /// <summary>A hub on a fresh database of <paramref name="engine"/>, with extra settings (e.g. <c>Ivr:SmsFrom</c>).</summary>
    public static Task<LiveHub> StartAsync(string engine, IReadOnlyDictionary<string, string?>? settings) => StartAsync(engine, settings, testServices: null);

    /// <summary>A hub as above, with services changed after the hub's own (e.g. a handler on the Twilio REST client).</summary>
    public static async Task<LiveHub> StartAsync(string engine, IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? testServices)
    {
        var database = await TestDatabase.CreateAsync(engine);
        return Start(database, FreePort(), settings, ownsDatabase: true, testServices);
    }

    /// <summary>
    /// A hub on an existing database and a given port, e.g. to restart a hub where it was. Settings given override the
    /// defaults (a <c>Twilio:PublicBaseUrl</c> pointing elsewhere makes this hub's simulator call another hub).
    /// </summary>
    public static LiveHub Start(
        TestDatabase database, int port, IReadOnlyDictionary<string, string?>? settings = null, bool ownsDatabase = false, Action<IServiceCollection>? testServices = null)
    {
        var address = new Uri($"http://127.0.0.1:{port}");
        var all = new Dictionary<string, string?>
        {
            ["Urls"] = address.ToString(),
            ["Twilio:PublicBaseUrl"] = address.ToString().TrimEnd('/'),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new ApiFactory(database, all, testServices);
        factory.UseKestrel(port);
        factory.StartServer();
        return new LiveHub(database, factory, address, ownsDatabase);
    }

    /// <summary>A plain HTTP client on the real port (not the in-memory test server).</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }

    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
