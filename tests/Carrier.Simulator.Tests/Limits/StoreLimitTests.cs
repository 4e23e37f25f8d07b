using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carrier.Simulator.Calls;
using Carrier.Simulator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Carrier.Simulator.Tests.Limits;

/// <summary>The simulator's in-memory calls and messages are capped in count and age, the oldest going first.</summary>
public sealed class StoreLimitTests
{
    private const string Thread = "/simulator/sms?number=%2B8613800138000";

    [Fact]
    public async Task Messages_BeyondMaxStoredMessages_OldestAreEvicted()
    {
        await using var host = await SimulatorHost.StartAsync(settings: new Dictionary<string, string?> { ["CarrierSimulator:MaxStoredMessages"] = "2" });
        host.Hub.Respond("/twilio/sms", "<Response/>");

        foreach (var body in new[] { "one", "two", "three" })
        {
            using var sent = await host.Client.PostAsJsonAsync("/simulator/sms", new { from = SimulatorHarness.Patient, to = SimulatorHarness.HubNumber, body });
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        var thread = await host.Client.GetFromJsonAsync<JsonElement>(Thread);

        Assert.Equal(["two", "three"], thread.EnumerateArray().Select(m => m.GetProperty("body").GetString()));
    }

    [Fact]
    public async Task Messages_OlderThanStoredItemMaxAge_AreGone()
    {
        await using var host = await SimulatorHost.StartAsync(settings: new Dictionary<string, string?> { ["CarrierSimulator:StoredItemMaxAge"] = "01:00:00" });
        host.Hub.Respond("/twilio/sms", "<Response/>");
        using var old = await host.Client.PostAsJsonAsync("/simulator/sms", new { from = SimulatorHarness.Patient, to = SimulatorHarness.HubNumber, body = "old" });
        host.Time.Advance(TimeSpan.FromMinutes(30));
        using var recent = await host.Client.PostAsJsonAsync("/simulator/sms", new { from = SimulatorHarness.Patient, to = SimulatorHarness.HubNumber, body = "recent" });

        host.Time.Advance(TimeSpan.FromMinutes(31));
        var thread = await host.Client.GetFromJsonAsync<JsonElement>(Thread);

        Assert.Equal(["recent"], thread.EnumerateArray().Select(m => m.GetProperty("body").GetString()));
    }

    [Fact]
    public async Task Calls_BeyondMaxStoredCalls_OldestAreEvicted()
    {
        await using var host = await SimulatorHost.StartAsync(settings: new Dictionary<string, string?> { ["CarrierSimulator:MaxStoredCalls"] = "2" });
        host.Hub.Respond("/twilio/voice", "<Response><Hangup/></Response>");

        var sids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            sids.Add(await PlaceEndedCallAsync(host));
        }

        var calls = await host.Client.GetFromJsonAsync<JsonElement>("/simulator/calls?number=%2B8613800138000");
        using var first = await host.Client.GetAsync(new Uri("/simulator/calls/" + sids[0], UriKind.Relative));

        Assert.Equal(sids[1..].Order(StringComparer.Ordinal), calls.EnumerateArray().Select(c => c.GetProperty("callSid").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
    }

    [Fact]
    public async Task Calls_OlderThanStoredItemMaxAge_AreGone()
    {
        await using var host = await SimulatorHost.StartAsync(settings: new Dictionary<string, string?> { ["CarrierSimulator:StoredItemMaxAge"] = "01:00:00" });
        host.Hub.Respond("/twilio/voice", "<Response><Hangup/></Response>");
        var sid = await PlaceEndedCallAsync(host);
        using var kept = await host.Client.GetAsync(new Uri("/simulator/calls/" + sid, UriKind.Relative));

        host.Time.Advance(TimeSpan.FromMinutes(61));
        using var gone = await host.Client.GetAsync(new Uri("/simulator/calls/" + sid, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static async Task<string> PlaceEndedCallAsync(SimulatorHost host)
    {
        using var placed = await host.Client.PostAsJsonAsync("/simulator/calls", new { from = SimulatorHarness.Patient, to = SimulatorHarness.HubNumber });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var sid = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callSid").GetString()!;
        await host.Services.GetRequiredService<CallRegistry>().Find(sid)!.EndedAsync();
        return sid;
    }
}
