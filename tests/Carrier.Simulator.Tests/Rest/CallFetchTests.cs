using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Carrier.Simulator.Calls;
using Carrier.Simulator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Webhooks;

namespace Carrier.Simulator.Tests.Rest;

/// <summary>
/// One call fetched by its SID (what the hub asks when a callback's final status never came): the hub's client and
/// Twilio's official Node library read it, the answer matches Twilio's spec, an unknown SID is Twilio's 404; and the
/// switch that drops final status callbacks.
/// </summary>
public sealed class CallFetchTests : IAsyncLifetime
{
    private const string Unknown = "CA00000000000000000000000000000000";
    private SimulatorHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await SimulatorHost.StartAsync(network: true);
        _host.Hub.Respond("/twilio/outbound", "<Response><Say>回电</Say></Response>");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FetchCallAsync_EndedCall_ReadsItsFinalStatusAndAnsweredBy()
    {
        var sid = await CallAsync(machineDetection: true);

        var call = await _host.Rest.FetchCallAsync(sid);

        Assert.Equal((sid, CallStatus.Completed, SimulatorHarness.Patient, SimulatorHarness.HubNumber, "human"), (call.Sid, call.Status, call.To, call.From, call.AnsweredBy));
    }

    [Fact]
    public async Task FetchCallAsync_UnknownSid_ThrowsTwilios404()
    {
        var error = await Assert.ThrowsAsync<TwilioApiException>(() => _host.Rest.FetchCallAsync(Unknown));

        Assert.Equal((404, 20404), (error.HttpStatus, error.Code));
    }

    [Fact]
    public async Task Fetch_WithoutCredentials_Answers401()
    {
        var sid = await CallAsync(machineDetection: false);
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(_host.NetworkApiBaseUrl!, $"/simulator/2010-04-01/Accounts/{SimulatorHarness.AccountSid}/Calls/{sid}.json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Fetch_Answer_MatchesTwilioSpecExactly()
    {
        var ended = await CallAsync(machineDetection: true);
        var created = await _host.Rest.CreateCallAsync(new CreateCallRequest { To = "+8613900139000", From = SimulatorHarness.HubNumber, Url = "/twilio/outbound" });
        var bodies = new JsonArray(await GetRawAsync(ended), await GetRawAsync(created.Sid));

        var input = new JsonObject { ["path"] = "/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json", ["method"] = "get", ["status"] = 200, ["bodies"] = bodies };
        var results = JsonNode.Parse(await TwilioReference.RunNodeAsync("response-schema.js", input.ToJsonString()))!.AsArray();

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True((bool)r!["valid"]!, string.Join("; ", r!["errors"]!.AsArray().Select(e => (string?)e))));
    }

    [Fact]
    public async Task Fetch_OfficialLibrary_ReadsTheCallAndGetsRestExceptionForAnUnknownOne()
    {
        var sid = await CallAsync(machineDetection: true);
        var input = new JsonObject
        {
            ["baseUrl"] = _host.NetworkApiBaseUrl!.ToString(),
            ["accountSid"] = SimulatorHarness.AccountSid,
            ["authToken"] = SimulatorHarness.AuthToken,
            ["sids"] = new JsonArray(sid, Unknown),
        };

        var output = JsonNode.Parse(await TwilioReference.RunNodeAsync("calls-fetch.js", input.ToJsonString()))!;
        var calls = output["calls"]!.AsArray();
        var requests = output["requests"]!.AsArray().Select(r => (string)r!).ToList();

        Assert.Equal((sid, true, "completed", SimulatorHarness.Patient, "human", "outbound-api"),
            ((string)calls[0]!["sid"]!, (bool)calls[0]!["found"]!, (string)calls[0]!["status"]!, (string)calls[0]!["to"]!, (string)calls[0]!["answeredBy"]!, (string)calls[0]!["direction"]!));
        Assert.Equal((false, 404, 20404), ((bool)calls[1]!["found"]!, (int)calls[1]!["status"]!, (int)calls[1]!["code"]!));
        Assert.Equal($"GET {_host.NetworkApiBaseUrl!.ToString().TrimEnd('/')}/2010-04-01/Accounts/{SimulatorHarness.AccountSid}/Calls/{sid}.json", requests[0]);
    }

    [Fact]
    public async Task StatusCallbacks_DropFinal_CallEndsWithoutTellingTheHubAndTheRestResourceSaysHow()
    {
        using var client = new HttpClient { BaseAddress = _host.NetworkApiBaseUrl };
        using var dropping = await client.PutAsJsonAsync("/simulator/status-callbacks", new { dropFinal = true });
        Assert.Equal(HttpStatusCode.OK, dropping.StatusCode);

        var sid = await CallAsync(machineDetection: false, statusCallback: "/twilio/status");

        var call = _host.Services.GetRequiredService<CallRegistry>().Find(sid)!;
        Assert.Empty(_host.Hub.To("/twilio/status"));
        Assert.Contains(call.Transcript(), l => l.Kind == "status-callback-dropped" && l.Text == "completed");
        Assert.Equal(CallStatus.Completed, (await _host.Rest.FetchCallAsync(sid)).Status);

        using var sending = await client.PutAsJsonAsync("/simulator/status-callbacks", new { dropFinal = false });
        var again = await CallAsync(machineDetection: false, statusCallback: "/twilio/status");
        Assert.Single(_host.Hub.To("/twilio/status"), r => r.Form["CallSid"] == again);
    }

    /// <summary>Places a call through the REST API and waits until it is over.</summary>
    private async Task<string> CallAsync(bool machineDetection, string? statusCallback = null)
    {
        var created = await _host.Rest.CreateCallAsync(new CreateCallRequest
        {
            To = SimulatorHarness.Patient,
            From = SimulatorHarness.HubNumber,
            Url = "/twilio/outbound",
            MachineDetection = machineDetection ? MachineDetection.Enable : null,
            StatusCallback = statusCallback,
        });
        await _host.Services.GetRequiredService<CallRegistry>().Find(created.Sid)!.EndedAsync();
        return created.Sid;
    }

    private async Task<string> GetRawAsync(string sid)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_host.NetworkApiBaseUrl!, $"/simulator/2010-04-01/Accounts/{SimulatorHarness.AccountSid}/Calls/{sid}.json"));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(SimulatorHarness.AccountSid + ":" + SimulatorHarness.AuthToken)));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return text;
    }
}
