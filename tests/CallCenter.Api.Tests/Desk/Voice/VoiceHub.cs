using System.Net.Http.Headers;
using System.Net.Http.Json;
using CallCenter.Api.Desk;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Agents;
using CallCenter.Core.Desk;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Routing;
using CallCenter.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Signatures;
using Twilio.Protocol.Webhooks;

namespace CallCenter.Api.Tests.Desk.Voice;

/// <summary>
/// The real hub on a real port with the carrier simulator, and recording doubles for the desk's notifier, the
/// routing signal and routing (other features'), so a test sees exactly what the voice path pushed.
/// </summary>
internal sealed class VoiceHub : IAsyncDisposable
{
    private readonly ApiFactory _api;
    private readonly TestDatabase _database;

    private VoiceHub(TestDatabase database, ApiFactory api, WebApplicationFactory<Program> factory, Uri address)
    {
        _database = database;
        _api = api;
        Factory = factory;
        Carrier = new HttpClient { BaseAddress = address };
    }

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Carrier { get; }

    public FakeTimeProvider Time => _api.Time;

    public RecordingDeskNotifier Notifier { get; } = new();

    public CountingRoutingSignal Signal { get; } = new();

    public FakeRouting Routing { get; } = new();

    public IServiceProvider Services => Factory.Services;

    public static async Task<VoiceHub> StartAsync(string engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        var port = LiveHub.FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var api = new ApiFactory(database, new Dictionary<string, string?>
        {
            ["Urls"] = address.ToString(),
            ["Twilio:PublicBaseUrl"] = address.ToString().TrimEnd('/'),
        });
        VoiceHub? hub = null;
        var factory = api.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IDeskNotifier>(_ => hub!.Notifier);
            services.AddSingleton<IRoutingSignal>(_ => hub!.Signal);
            services.AddSingleton<IWorkRouter>(_ => hub!.Routing);
            services.AddSingleton<IOfferLifecycle>(_ => hub!.Routing);
            services.AddSingleton<IOfferReader>(_ => hub!.Routing);
            services.AddSingleton<IQueueMoves>(_ => hub!.Routing);
        }));
        hub = new VoiceHub(database, api, factory, address);
        factory.UseKestrel(port);
        factory.StartServer();
        return hub;
    }

    /// <summary>A new agent, made busy with an accepted call as routing would (available, reserved, accepted).</summary>
    public async Task<UserAccount> BusyAgentAsync()
    {
        var agent = await NewUserAsync(Roles.Agent);
        var states = Services.GetRequiredService<AgentStateService>();
        Assert.Equal(AgentChangeOutcome.Applied, (await states.ApplyAsync(agent.Id, AgentEvent.Of(AgentEventKind.SetAvailable), AgentEventSource.Agent)).Outcome);
        Assert.True(await states.TryReserveAsync(agent.Id));
        Assert.Equal(AgentChangeOutcome.Applied, (await states.ApplyAsync(agent.Id, AgentEvent.Of(AgentEventKind.OfferAccepted), AgentEventSource.System)).Outcome);
        return agent;
    }

    public async Task<AgentState> AgentStateAsync(Guid agentId) =>
        (await Services.GetRequiredService<AgentStateService>().GetAsync(agentId))!.State;

    /// <summary>A known patient (Mandarin) calls the hotline and asks for an agent: they wait in the general queue.</summary>
    public async Task<SimulatedPhone> CallerInQueueAsync()
    {
        var number = UniqueData.ChinaMobile();
        await AddPatientAsync(number);
        var phone = await SimulatedPhone.CallAsync(Carrier, number);
        await phone.PressAsync("0");
        await phone.WaitForAsync(c => c.Lines("enqueue").Any(l => l.Text == "general"), "the caller in the general queue");
        return phone;
    }

    /// <summary>The offer routing would have made and the agent accepted, with the work the desk stores on accept.</summary>
    public async Task<Offer> AcceptedOfferAsync(SimulatedPhone phone, Guid agentId, WorkKind kind = WorkKind.Call)
    {
        var offer = Routing.Add(NewOffer(phone, agentId, kind));
        await Services.GetRequiredService<IDeskWorkRepository>().AddAsync(new DeskWork
        {
            OfferId = offer.Id,
            AgentId = agentId,
            Kind = kind.ToCode(),
            CallSid = offer.CallSid,
            QueueName = offer.QueueName,
            AcceptedAt = offer.OfferedAt,
        });
        return offer;
    }

    private Offer NewOffer(SimulatedPhone phone, Guid agentId, WorkKind kind) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        QueueName = "general",
        AgentId = agentId,
        CallSid = phone.CallSid,
        CallerNumber = phone.Number,
        Language = "zh-CN",
        WaitingSince = Time.GetUtcNow().UtcDateTime,
        Status = OfferStatus.Accepted,
        OfferedAt = Time.GetUtcNow().UtcDateTime,
        ExpiresAt = Time.GetUtcNow().UtcDateTime.AddSeconds(15),
    };

    /// <summary>The voice path as the desk calls it: in a request scope of its own.</summary>
    public async Task<T> ControlAsync<T>(Func<IDeskCallControl, Task<T>> act)
    {
        await using var scope = Services.CreateAsyncScope();
        return await act(scope.ServiceProvider.GetRequiredService<IDeskCallControl>());
    }

    /// <summary>Posts a webhook exactly as the carrier did (same URL and fields, signed), e.g. a redelivery.</summary>
    public async Task<string> RepostAsync(string url, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        var twilio = Services.GetRequiredService<IOptions<TwilioOptions>>().Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(TwilioWebhookHeaders.Signature, TwilioSignature.SignForm(twilio.AuthToken, url, form));
        using var response = await Carrier.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<UserAccount> NewUserAsync(string role) =>
        await Services.GetRequiredService<AccountService>().CreateAsync(UniqueData.Name(role), "Test " + role, role, Password)
            ?? throw new InvalidOperationException("Could not create the test user.");

    private const string Password = "Password-For-Tests-1";

    private async Task AddPatientAsync(string phone)
    {
        var agent = await NewUserAsync(Roles.Agent);
        var token = await Carrier.PostAsJsonAsync("/api/auth/token", new { userName = agent.UserName, password = Password });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/patients")
        {
            Content = JsonContent.Create(new { fullName = "陈静", preferredLanguage = "zh-CN", tags = Array.Empty<string>(), phones = new[] { new { number = phone } } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        (await Carrier.SendAsync(request)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        Carrier.Dispose();
        await Factory.DisposeAsync();
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed record TokenResponse(string AccessToken);
}
