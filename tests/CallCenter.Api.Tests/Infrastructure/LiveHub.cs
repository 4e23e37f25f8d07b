using System.Net;
using System.Net.Sockets;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Infrastructure;

/// <summary>
/// The hub on a real Kestrel port on loopback, for what a TestServer cannot do: a browser loading pages, the
/// carrier simulator calling the hub's webhooks over real HTTP. Its public base URL is its own address.
/// </summary>
public sealed class LiveHub : IAsyncDisposable
{
    private LiveHub(TestDatabase database, ApiFactory factory, Uri baseAddress)
    {
        Database = database;
        Factory = factory;
        BaseAddress = baseAddress;
    }

    public TestDatabase Database { get; }

    public ApiFactory Factory { get; }

    public Uri BaseAddress { get; }

    public static async Task<LiveHub> StartAsync(string engine = TestEngines.Sqlite)
    {
        var database = await TestDatabase.CreateAsync(engine);
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var factory = new ApiFactory(database, new Dictionary<string, string?>
        {
            ["Urls"] = address.ToString(),
            ["Twilio:PublicBaseUrl"] = address.ToString().TrimEnd('/'),
        });
        factory.UseKestrel(port);
        factory.StartServer();
        return new LiveHub(database, factory, address);
    }

    /// <summary>A plain HTTP client on the real port (not the in-memory test server).</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
