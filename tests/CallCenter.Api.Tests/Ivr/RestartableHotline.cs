using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Ivr;

/// <summary>
/// Two hosts for restarting the hub mid-call. The carrier must outlive the hub, so it runs in another host: the
/// carrier host only carries calls (its simulator's webhooks go to the hub's address), the hub is the host under test
/// and can be stopped and started again on the same port and database. Both share the simulator's auth token, so the
/// hub checks the carrier's signatures as it would Twilio's.
/// </summary>
internal sealed class RestartableHotline : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly int _port;
    private readonly Dictionary<string, string?> _hubSettings;
    private readonly LiveHub _carrierHost;

    private RestartableHotline(TestDatabase database, int port, Dictionary<string, string?> hubSettings, LiveHub hub, LiveHub carrierHost)
    {
        _database = database;
        _port = port;
        _hubSettings = hubSettings;
        Hub = hub;
        _carrierHost = carrierHost;
        Carrier = carrierHost.CreateHttpClient();
    }

    /// <summary>The hub as it runs now (a new one after each restart).</summary>
    public LiveHub? Hub { get; private set; }

    /// <summary>A client of the carrier host's simulator, where the patient's phone is.</summary>
    public HttpClient Carrier { get; }

    public static async Task<RestartableHotline> StartAsync(string engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        var port = LiveHub.FreePort();
        var token = "e2e-" + Guid.NewGuid().ToString("N");
        var hubSettings = new Dictionary<string, string?> { ["Telephony:SimulatorAuthToken"] = token };
        var hub = LiveHub.Start(database, port, hubSettings);
        var carrierHost = await LiveHub.StartAsync(TestEngines.Sqlite, new Dictionary<string, string?>
        {
            ["Telephony:SimulatorAuthToken"] = token,
            ["Twilio:PublicBaseUrl"] = hub.BaseAddress.ToString().TrimEnd('/'),
        });
        return new RestartableHotline(database, port, hubSettings, hub, carrierHost);
    }

    /// <summary>Stops the hub and starts a new one on the same port and database; the carrier host keeps running.</summary>
    public async Task<LiveHub> RestartHubAsync(Func<Task>? whileDown = null)
    {
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
            Hub = null;
        }

        if (whileDown is not null)
        {
            await whileDown();
        }

        Hub = LiveHub.Start(_database, _port, _hubSettings);
        return Hub;
    }

    public async ValueTask DisposeAsync()
    {
        Carrier.Dispose();
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }

        await _carrierHost.DisposeAsync();
        await _database.DisposeAsync();
    }
}
