using System.Text.Json.Nodes;
using Carrier.Simulator.Messaging;
using Carrier.Simulator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Twilio.Protocol.Rest;

namespace Carrier.Simulator.Tests.Rest;

/// <summary>Twilio's official Node library (npm twilio) lists messages through the simulator, over real HTTP.</summary>
public sealed class OfficialClientListTests : IAsyncLifetime
{
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await SimulatorHost.StartAsync(network: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task MessagesList_OfficialLibraryWithFiltersAndSmallPages_ReadsEveryMatchingMessage()
    {
        var start = _host.Time.GetUtcNow();
        await SendAsync(SimulatorHarness.Patient, "太早了");
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        var expected = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            expected.Add(await SendAsync(SimulatorHarness.Patient, "提醒 " + i));
            await SendAsync("+8613900139000", "别人的 " + i);
            _host.Time.Advance(TimeSpan.FromSeconds(1));
        }

        expected.Reverse();
        var input = new JsonObject
        {
            ["baseUrl"] = _host.NetworkApiBaseUrl!.ToString(),
            ["accountSid"] = SimulatorHarness.AccountSid,
            ["authToken"] = SimulatorHarness.AuthToken,
            ["params"] = new JsonObject
            {
                ["to"] = SimulatorHarness.Patient,
                ["dateSentAfter"] = start.AddMinutes(1).ToString("O"),
                ["pageSize"] = 2,
            },
        };

        var output = JsonNode.Parse(await TwilioReference.RunNodeAsync("messages-list.js", input.ToJsonString()))!;
        var messages = output["messages"]!.AsArray();
        var requests = output["requests"]!.AsArray().Select(r => (string)r!).ToList();

        Assert.Equal(expected, messages.Select(m => (string)m!["sid"]!));
        Assert.Equal(["提醒 2", "提醒 1", "提醒 0"], messages.Select(m => (string)m!["body"]!));
        Assert.All(messages, m => Assert.Equal("delivered", (string)m!["status"]!));
        Assert.All(messages, m => Assert.Equal("outbound-api", (string)m!["direction"]!));
        Assert.Equal(start.AddMinutes(5).AddSeconds(2).UtcDateTime, DateTime.Parse((string)messages[0]!["dateSent"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.Equal(2, requests.Count);
        Assert.Contains("DateSent%3E=", requests[0], StringComparison.Ordinal);
        Assert.Contains("PageToken=PA", requests[1], StringComparison.Ordinal);
    }

    private async Task<string> SendAsync(string to, string body)
    {
        var created = await _host.Rest.CreateMessageAsync(new CreateMessageRequest { To = to, From = SimulatorHarness.HubNumber, Body = body });
        var message = _host.Services.GetRequiredService<MessageStore>().Thread(to).Single(m => m.Sid == created.Sid);
        await message.Delivery.WaitAsync(TimeSpan.FromSeconds(30));
        return created.Sid;
    }
}
