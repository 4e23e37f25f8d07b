using System.Net;
using System.Net.Sockets;
using CallCenter.Api.Accounts;
using CallCenter.Core.Accounts;
using CallCenter.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Agent.Console.Tests.Terminal;

/// <summary>
/// The real hub (CallCenter.Api's Program) on a real loopback port and a fresh database, for the console to reach over
/// real HTTP and WebSockets, as an agent's desk does. Its clock is fake, so nothing times out while a test types.
/// </summary>
internal sealed class DeskHub : WebApplicationFactory<SignInRequest>
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("agent-console-hub-").FullName;
    private readonly TestDatabase _database;
    private readonly string _keys;

    private DeskHub(TestDatabase database, int port, string? keysDirectory)
    {
        _database = database;
        _keys = keysDirectory ?? Path.Combine(_scratch, "keys");
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        UseKestrel(port);
    }

    public Uri BaseAddress { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Starts a hub on <paramref name="port"/> over <paramref name="database"/> (which the caller disposes). A hub that
    /// restarts passes the same <paramref name="keysDirectory"/>, so the tokens it issued before still hold.
    /// </summary>
    public static DeskHub Start(TestDatabase database, int port, string? keysDirectory = null)
    {
        var hub = new DeskHub(database, port, keysDirectory);
        hub.StartServer();
        return hub;
    }

    /// <summary>An agent account with a password, created straight in the database (the hub need not run yet).</summary>
    public static async Task<string> CreateAgentAsync(TestDatabase database, string password)
    {
        await using var services = database.CreateServices();
        var userName = UniqueData.Name("agent");
        var created = await services.GetRequiredService<AccountService>().CreateAsync(userName, "Desk Test Agent", Roles.Agent, password);
        Assert.NotNull(created);
        return userName;
    }

    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A plain HTTP client on the real port (the carrier simulator's API lives on the hub).</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration =>
        {
            configuration.AddInMemoryCollection(_database.Settings);
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = BaseAddress.ToString(),
                ["Twilio:PublicBaseUrl"] = BaseAddress.ToString().TrimEnd('/'),
                [AdminBootstrapper.PasswordVariable] = "Admin-Password-For-Tests-1",
                ["Auth:DataProtectionKeysPath"] = _keys,
                ["Auth:SignInPermitsPerMinute"] = "100000",
                ["Auth:SignInPermitsPerAccountPerMinute"] = "100000",
                ["Serilog:WriteTo:1:Args:path"] = Path.Combine(_scratch, "logs", "callcenter-.log"),
            });
        });
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be open for a moment; a temp folder left behind is harmless.
        }
    }
}
