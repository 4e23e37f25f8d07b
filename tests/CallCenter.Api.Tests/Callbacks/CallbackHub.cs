using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Callbacks;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Callbacks;

/// <summary>
/// The whole hub on a real port with the carrier simulator, nothing replaced, and what the callback tests do to it:
/// schedule through the API, run the callback job's body one pass at a time (as the outbox tests run their
/// dispatcher), read callbacks and the simulator's calls.
/// </summary>
internal sealed class CallbackHub : IAsyncDisposable
{
    private CallbackHub(LiveHub live, HotlineData data, SignedInClient admin)
    {
        Live = live;
        Data = data;
        Admin = admin;
        Carrier = live.CreateHttpClient();
    }

    public LiveHub Live { get; }

    public HotlineData Data { get; }

    public SignedInClient Admin { get; }

    public HttpClient Carrier { get; }

    public IServiceProvider Services => Live.Factory.Services;

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Time => Live.Factory.Time;

    public static async Task<CallbackHub> StartAsync(string engine, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var live = await LiveHub.StartAsync(engine, settings);
        return new CallbackHub(live, await HotlineData.SignInAsync(live.Factory), await live.Factory.SignInAsAsync(Roles.Admin));
    }

    public async Task SetModeAsync(string queue, string mode)
    {
        var response = await Admin.Client.PutAsJsonAsync($"/api/queues/{queue}", new { callbackMode = mode });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<Guid> AddPatientAsync(string number, string timeZone = "Asia/Shanghai")
    {
        var response = await Data.Agent.Client.PostAsJsonAsync("/api/patients", new
        {
            fullName = "林晓红",
            preferredLanguage = "zh-CN",
            timeZone,
            tags = Array.Empty<string>(),
            phones = new[] { new { number } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    public async Task<Guid> ScheduleAsync(object body)
    {
        var response = await Data.Supervisor.Client.PostAsJsonAsync("/api/callbacks", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetGuid();
    }

    public async Task<CallbackRunResult> RunJobAsync() => await Services.GetRequiredService<CallbackRuns>().RunDueAsync();

    public async Task<CallbackCheckResult> CheckDialsAsync() => await Services.GetRequiredService<CallbackDialChecks>().CheckAsync();

    /// <summary>Makes the simulator drop (or send again) every call's final status callback: the hub never hears how a call ended.</summary>
    public async Task DropFinalStatusAsync(bool drop)
    {
        var response = await Carrier.PutAsJsonAsync("/simulator/status-callbacks", new { dropFinal = drop });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts a callback dial's final status callback, signed, as the carrier would have (late).</summary>
    public async Task<HttpResponseMessage> PostFinalStatusAsync(Guid callbackId, int attempt, string callSid, Twilio.Protocol.Webhooks.CallStatus status)
    {
        var twilio = Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Twilio.Protocol.Rest.TwilioOptions>>().Value;
        var url = new Uri(Services.GetRequiredService<CallbackLinks>().Status(callbackId, attempt));
        var form = new Twilio.Protocol.Webhooks.CallStatusCallback
        {
            CallSid = callSid,
            AccountSid = twilio.AccountSid,
            CallStatus = status,
            SequenceNumber = 9,
            CallDuration = 0,
            CallbackSource = "call-progress-events",
            Direction = Twilio.Protocol.Webhooks.CallDirection.OutboundApi,
        }.ToForm();
        using var request = new HttpRequestMessage(HttpMethod.Post, url.PathAndQuery) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(Twilio.Protocol.Webhooks.TwilioWebhookHeaders.Signature, Twilio.Protocol.Signatures.TwilioSignature.SignForm(twilio.AuthToken, url.ToString(), form));
        return await Carrier.SendAsync(request);
    }

    public async Task<Callback> CallbackAsync(Guid id) =>
        await Services.GetRequiredService<ICallbackRepository>().FindAsync(id) ?? throw new InvalidOperationException("No callback " + id);

    public Task<Callback> WaitForAsync(Guid id, Func<Callback, bool> done, string what) =>
        Polling.UntilAsync(() => CallbackAsync(id), done, what);

    /// <summary>The calls the hub placed to <paramref name="number"/> (the simulator's list), oldest first.</summary>
    public async Task<IReadOnlyList<PlacedCall>> CallsToAsync(string number) =>
        [.. (await Carrier.GetFromJsonAsync<List<PlacedCall>>("/simulator/calls?number=" + Uri.EscapeDataString(number)))!
            .Where(c => c.To == number).OrderBy(c => c.CreatedAt)];

    public async Task<PhoneCall> ReadCallAsync(string callSid) => (await Carrier.GetFromJsonAsync<PhoneCall>($"/simulator/calls/{callSid}"))!;

    public Task<PhoneCall> WaitForCallAsync(string callSid, Func<PhoneCall, bool> done, string what) =>
        Polling.UntilAsync(() => ReadCallAsync(callSid), done, what);

    public async Task<IReadOnlyList<string>> TimelineAsync(Guid patientId)
    {
        using var timeline = JsonDocument.Parse(await Data.Supervisor.Client.GetStringAsync($"/api/patients/{patientId}/timeline"));
        return [.. timeline.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("summary").GetString() ?? string.Empty)];
    }

    /// <summary>The timeline once it holds <paramref name="summary"/> (written just after the callback's change).</summary>
    public Task<IReadOnlyList<string>> TimelineWithAsync(Guid patientId, Func<string, bool> summary, string what) =>
        Polling.UntilAsync(() => TimelineAsync(patientId), t => t.Any(summary), what);

    public async Task FarEndAsync(string number, string answer)
    {
        var response = await Carrier.PutAsJsonAsync("/simulator/far-ends/" + Uri.EscapeDataString(number), new { answer });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>An agent with the desk open (SignalR on WebSockets), available.</summary>
    public async Task<DeskClient> AvailableAgentAsync()
    {
        var desk = await Live.ConnectAgentAsync();
        await desk.AvailableAsync();
        return desk;
    }

    public async ValueTask DisposeAsync()
    {
        Carrier.Dispose();
        await Live.DisposeAsync();
    }
}

internal sealed record PlacedCall(string CallSid, string From, string To, string Direction, string Status, DateTimeOffset CreatedAt);
