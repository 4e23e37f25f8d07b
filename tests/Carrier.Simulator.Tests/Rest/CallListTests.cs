using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Carrier.Simulator.Calls;
using Carrier.Simulator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Tests.Rest;

/// <summary>Twilio's Calls list on the simulator (what the outbox asks before placing a reminder call again): filters, paging, Twilio's own spec.</summary>
public sealed class CallListTests : IAsyncLifetime
{
    private const string Other = "+8613900139000";
    private const string ListPath = "/simulator/2010-04-01/Accounts/" + SimulatorHarness.AccountSid + "/Calls.json";
    private SimulatorHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SimulatorHost.StartAsync();
        _host.Hub.Respond("/twilio/outbound", "<Response><Say>提醒</Say></Response>");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ListCallsAsync_ByToAndFrom_NewestFirstAcrossPages()
    {
        var first = await CallAsync(SimulatorHarness.Patient);
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await CallAsync(SimulatorHarness.Patient);
        await CallAsync(Other);
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        var third = await CallAsync(SimulatorHarness.Patient);

        var page = await _host.Rest.ListCallsAsync(new CallListFilter { To = SimulatorHarness.Patient, From = SimulatorHarness.HubNumber, PageSize = 2 });
        var next = await _host.Rest.ListCallsPageAsync(page.NextPageUri!);

        Assert.Equal([third, second], page.Calls.Select(c => c.Sid));
        Assert.Equal([first], next.Calls.Select(c => c.Sid));
        Assert.Null(next.NextPageUri);
        Assert.All(page.Calls.Concat(next.Calls), c => Assert.Equal((SimulatorHarness.Patient, CallStatus.Completed), (c.To, c.Status)));
        Assert.Equal(_host.Time.GetUtcNow(), page.Calls[0].DateCreated);
    }

    [Theory]
    [InlineData("?StartTime=2026-11-23", true)]
    [InlineData("?StartTime=2026-11-22", false)]
    [InlineData("?StartTime%3E=2026-11-23T09:00:00Z", true)]
    [InlineData("?StartTime%3E=2026-11-23T09:00:01Z", false)]
    [InlineData("?StartTime%3C=2026-11-23", true)]
    [InlineData("?StartTime%3C=2026-11-22", false)]
    [InlineData("?To=%2B8613800138000", true)]
    [InlineData("?To=%2B8613900139000", false)]
    [InlineData("?Status=completed", true)]
    [InlineData("?Status=busy", false)]
    public async Task List_StartTimeToAndStatusFilters_MatchAsTwilioDescribesThem(string query, bool found)
    {
        var sid = await CallAsync(SimulatorHarness.Patient);

        var page = await GetAsync(query);

        Assert.Equal(found ? [sid] : [], page["calls"]!.AsArray().Select(c => (string)c!["sid"]!));
    }

    [Theory]
    [InlineData("?StartTime%3E=tomorrow", "StartTime>")]
    [InlineData("?Status=ringing-ish", "Status")]
    [InlineData("?PageSize=0", "PageSize")]
    public async Task List_BadParameter_Answers400NamingIt(string query, string parameter)
    {
        using var response = await SendAsync(ListPath + query, authorized: true);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, (string)error["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WithoutCredentials_Answers401()
    {
        using var response = await SendAsync(ListPath, authorized: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task List_PagesAndCreateAnswer_MatchTwilioSpecExactly()
    {
        await CallAsync(SimulatorHarness.Patient);
        await CallAsync(Other);
        var created = await CreateRawAsync();
        var bodies = new JsonArray(
            (await GetAsync("?PageSize=1")).ToJsonString(),
            (await GetAsync("?To=%2B8613800138000")).ToJsonString(),
            (await GetAsync("?To=%2B8610000000000")).ToJsonString());

        var list = await CheckAsync("get", 200, bodies);
        var create = await CheckAsync("post", 201, new JsonArray(created));

        Assert.All(list.Concat(create), r => Assert.True((bool)r!["valid"]!, string.Join("; ", r!["errors"]!.AsArray().Select(e => (string?)e))));
    }

    private static async Task<JsonArray> CheckAsync(string method, int status, JsonArray bodies)
    {
        var input = new JsonObject { ["path"] = "/2010-04-01/Accounts/{AccountSid}/Calls.json", ["method"] = method, ["status"] = status, ["bodies"] = bodies };
        return JsonNode.Parse(await TwilioReference.RunNodeAsync("response-schema.js", input.ToJsonString()))!.AsArray();
    }

    /// <summary>Places a call through the REST API and waits until it is over.</summary>
    private async Task<string> CallAsync(string to)
    {
        var created = await _host.Rest.CreateCallAsync(new CreateCallRequest { To = to, From = SimulatorHarness.HubNumber, Url = "/twilio/outbound" });
        await _host.Services.GetRequiredService<CallRegistry>().Find(created.Sid)!.EndedAsync();
        return created.Sid;
    }

    private async Task<string> CreateRawAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ListPath)
        {
            Content = new FormUrlEncodedContent([new("To", SimulatorHarness.Patient), new("From", SimulatorHarness.HubNumber), new("Twiml", "<Response><Hangup/></Response>")]),
        };
        Authorize(request);
        using var response = await _host.Client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonObject> GetAsync(string query)
    {
        using var response = await SendAsync(ListPath + query, authorized: true);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<HttpResponseMessage> SendAsync(string path, bool authorized)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorized)
        {
            Authorize(request);
        }

        return await _host.Client.SendAsync(request);
    }

    private static void Authorize(HttpRequestMessage request) =>
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(SimulatorHarness.AccountSid + ":" + SimulatorHarness.AuthToken)));
}
