using System.Net.Http.Json;
using AgentDesk.Contracts;
using CallCenter.Api.Desk;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Core.Desk;
using CallCenter.Core.Routing;
using CallCenter.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Twilio.Protocol.Rest;

namespace CallCenter.Api.Tests.Desk.Support;

/// <summary>
/// The real hub with the desk and the real routing engine, on a fresh database. Only the carrier edge is replaced
/// (<see cref="TestDeskCallControl"/>): these tests make calls by enqueueing them, so there is no live call to redirect.
/// </summary>
internal sealed class DeskHub : IAsyncDisposable
{
    public const string Password = "Password-For-Tests-1";

    private readonly ApiFactory _root;
    private readonly WebApplicationFactory<Program> _factory;
    private readonly bool _ownsDatabase;

    private DeskHub(ApiFactory root, bool withCarrier, bool ownsDatabase = true)
    {
        _root = root;
        _ownsDatabase = ownsDatabase;
        _factory = root.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IDeskCallControl>();
            services.AddSingleton<IDeskCallControl, TestDeskCallControl>();
            if (withCarrier)
            {
                // The carrier simulator served by this same in-memory hub: the outbox's texts reach its phones, and
                // what the phones text comes back to the hub's SMS webhook.
                services.AddHttpClient<TwilioRestClient>()
                    .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
                services.AddHttpClient("carrier-simulator")
                    .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
            }
        }));
    }

    public FakeTimeProvider Time => _root.Time;

    public IServiceProvider Services => _factory.Services;

    public TestServer Server => _factory.Server;

    public static async Task<DeskHub> StartAsync(string engine) => await StartAsync(engine, withCarrier: false, settings: null);

    /// <summary>A desk hub whose outbox texts through the in-hub carrier simulator when <paramref name="withCarrier"/>.</summary>
    public static async Task<DeskHub> StartAsync(string engine, bool withCarrier, IReadOnlyDictionary<string, string?>? settings)
    {
        var database = await TestDatabase.CreateAsync(engine);
        var hub = new DeskHub(new ApiFactory(database, settings), withCarrier);
        _ = hub.Server;
        return hub;
    }

    /// <summary>
    /// Another process of the same hub: its own memory, presence and router, on <paramref name="first"/>'s database.
    /// Give both the same <c>Auth:DataProtectionKeysPath</c> in <paramref name="settings"/> so each reads the other's tokens.
    /// </summary>
    public static DeskHub SecondNode(DeskHub first, IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(first);
        var hub = new DeskHub(new ApiFactory(first._root.Database, settings), withCarrier: false, ownsDatabase: false);
        _ = hub.Server;
        return hub;
    }

    /// <summary>An HTTP client on the in-memory hub (its API and its simulator).</summary>
    public HttpClient CreateClient() => _factory.CreateClient();

    /// <summary>A new user with the role, and their bearer token.</summary>
    public async Task<(UserAccount User, string Token)> SignInAsAsync(string role)
    {
        var user = await Services.GetRequiredService<AccountService>().CreateAsync(UniqueData.Name(role), $"Test {role}", role, Password)
            ?? throw new InvalidOperationException("Could not create the test user.");
        return (user, await TokenAsync(user.UserName));
    }

    public async Task<string> TokenAsync(string userName)
    {
        using var client = _factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    /// <summary>A desk connection with the token sent as SignalR clients do (header on long polling).</summary>
    public HubConnection Connection(string? token, HttpTransportType transport = HttpTransportType.LongPolling, string query = "") =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, DeskRoutes.Hub + query), options =>
            {
                options.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                options.Transports = transport;
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }

                options.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = Server.CreateWebSocketClient();
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .Build();

    /// <summary>A signed-in agent's desk, connected and listening.</summary>
    public async Task<DeskClient> ConnectAgentAsync(string role = Roles.Agent)
    {
        var (user, token) = await SignInAsAsync(role);
        return await ConnectAsync(user, token);
    }

    public async Task<DeskClient> ConnectAsync(UserAccount user, string token)
    {
        var desk = new DeskClient(Connection(token), user);
        desk.Listen();
        await desk.Connection.StartAsync();
        return desk;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _root.DisposeAsync();
        if (_ownsDatabase)
        {
            await _root.Database.DisposeAsync();
        }
    }

    private sealed record TokenResponse(string AccessToken);
}
