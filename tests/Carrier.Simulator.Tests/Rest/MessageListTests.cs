using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carrier.Simulator.Tests.Infrastructure;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Tests.Rest;

/// <summary>Twilio's Messages list as the simulator answers it, read through the hub's REST client.</summary>
public sealed class MessageListTests : IAsyncLifetime
{
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await SimulatorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task List_ByToAndDateSent_AnswersNewestFirstAcrossPages()
    {
        var other = "+8613900139000";
        await SendAsync(SimulatorHarness.Patient, "before");
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        var since = _host.Time.GetUtcNow();
        foreach (var body in new[] { "one", "two", "three" })
        {
            await SendAsync(SimulatorHarness.Patient, body);
            _host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await SendAsync(other, "someone else");

        var first = await _host.Rest.ListMessagesAsync(new MessageListFilter { To = SimulatorHarness.Patient, From = SimulatorHarness.HubNumber, SentOnOrAfter = since, PageSize = 2 });
        var second = await _host.Rest.ListMessagesPageAsync(first.NextPageUri!);

        Assert.Equal(["three", "two"], first.Messages.Select(m => m.Body));
        Assert.Equal(["one"], second.Messages.Select(m => m.Body));
        Assert.Null(second.NextPageUri);
        Assert.All(first.Messages.Concat(second.Messages), m => Assert.Equal((SimulatorHarness.Patient, SimulatorHarness.HubNumber), (m.To, m.From)));
        Assert.All(first.Messages, m => Assert.True(m.DateSent >= since));
    }

    [Fact]
    public async Task List_RawAnswer_HasTwiliosPagingFields()
    {
        await SendAsync(SimulatorHarness.Patient, "shape");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/simulator/2010-04-01/Accounts/{SimulatorHarness.AccountSid}/Messages.json?To=%2B8613800138000&PageSize=1");
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(SimulatorHarness.AccountSid + ":" + SimulatorHarness.AuthToken)));

        using var response = await _host.Client.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var field in new[] { "messages", "page", "page_size", "start", "end", "uri", "first_page_uri", "next_page_uri", "previous_page_uri" })
        {
            Assert.True(json.TryGetProperty(field, out _), field);
        }

        Assert.Equal((0, 1), (json.GetProperty("page").GetInt32(), json.GetProperty("page_size").GetInt32()));
        Assert.StartsWith("SM", json.GetProperty("messages")[0].GetProperty("sid").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WithoutCredentials_Returns401()
    {
        using var response = await _host.Client.GetAsync($"/simulator/2010-04-01/Accounts/{SimulatorHarness.AccountSid}/Messages.json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task CreateMessage_WhileThrottled_Answers429WithRetryAfter()
    {
        using var throttle = await _host.Client.PostAsJsonAsync("/simulator/rest/throttle", new { count = 1, retryAfterSeconds = 3 });

        var refused = await Assert.ThrowsAsync<TwilioApiException>(() => SendAsync(SimulatorHarness.Patient, "throttled"));
        var accepted = await SendAsync(SimulatorHarness.Patient, "after");

        Assert.Equal((429, TwilioErrorCodes.TooManyRequests, TimeSpan.FromSeconds(3)), (refused.HttpStatus, refused.Code, refused.RetryAfter));
        Assert.Equal(MessageStatus.Queued, accepted.Status);
    }

    private Task<MessageResource> SendAsync(string to, string body) =>
        _host.Rest.CreateMessageOnceAsync(new CreateMessageRequest { To = to, From = SimulatorHarness.HubNumber, Body = body });
}
