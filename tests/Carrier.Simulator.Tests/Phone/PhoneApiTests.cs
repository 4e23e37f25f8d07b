using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Carrier.Simulator.Calls;
using Carrier.Simulator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Carrier.Simulator.Tests.Phone;

public sealed class PhoneApiTests : IAsyncLifetime
{
    private SimulatorHost _host = null!;

    public async Task InitializeAsync() => _host = await SimulatorHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PlaceCall_WithBadNumber_ReturnsProblemNamingTheField()
    {
        using var response = await _host.Client.PostAsJsonAsync("/simulator/calls", new { from = "12", to = SimulatorHarness.HubNumber });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task PlaceCall_ThenDigits_TranscriptShowsWhatWasSaidAndGathered()
    {
        _host.Hub.Respond("/twilio/voice", "<Response><Gather numDigits=\"1\" action=\"/twilio/voice/menu\"><Say>Press 1</Say></Gather></Response>");
        _host.Hub.Respond("/twilio/voice/menu", "<Response><Say>Thank you</Say><Hangup/></Response>");

        using var placed = await _host.Client.PostAsJsonAsync("/simulator/calls", new { from = SimulatorHarness.Patient, to = SimulatorHarness.HubNumber });
        var callSid = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callSid").GetString()!;
        using var digits = await _host.Client.PostAsJsonAsync($"/simulator/calls/{callSid}/digits", new { digits = "1" });
        await _host.Services.GetRequiredService<CallRegistry>().Find(callSid)!.EndedAsync();
        var view = await _host.Client.GetFromJsonAsync<JsonElement>($"/simulator/calls/{callSid}");

        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, digits.StatusCode);
        Assert.Equal("completed", view.GetProperty("status").GetString());
        var lines = view.GetProperty("transcript").EnumerateArray().Select(l => (l.GetProperty("kind").GetString(), l.GetProperty("text").GetString())).ToList();
        Assert.Contains(("gathered", "1"), lines);
        Assert.Contains(("say", "Thank you"), lines);
    }

    [Fact]
    public async Task Digits_ForAnUnknownCall_Returns404()
    {
        using var response = await _host.Client.PostAsJsonAsync("/simulator/calls/CA00000000000000000000000000000000/digits", new { digits = "1" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SendSms_PostsSignedToTheHubAndThreadHoldsTheReply()
    {
        _host.Hub.Respond("/twilio/sms", "<Response><Message>收到，谢谢</Message></Response>");

        using var sent = await _host.Client.PostAsJsonAsync("/simulator/sms", new { from = SimulatorHarness.Patient, to = SimulatorHarness.HubNumber, body = "改约" });
        var thread = await _host.Client.GetFromJsonAsync<JsonElement>("/simulator/sms?number=" + Uri.EscapeDataString(SimulatorHarness.Patient));

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var incoming = Assert.Single(_host.Hub.To("/twilio/sms"));
        Assert.True(incoming.SignatureValid);
        Assert.Equal("改约", incoming.Form["Body"]);
        Assert.Equal("0", incoming.Form["NumMedia"]);
        Assert.Equal("1", incoming.Form["NumSegments"]);
        Assert.Equal(["inbound", "outbound-reply"], thread.EnumerateArray().Select(m => m.GetProperty("direction").GetString()));
        Assert.Equal("收到，谢谢", thread[1].GetProperty("body").GetString());
    }

    [Fact]
    public async Task Phone_ServesTheTestPhonePage()
    {
        using var response = await _host.Client.GetAsync("/simulator/phone");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Simulator_WhenDisabled_Answers404()
    {
        await using var disabled = await SimulatorHost.StartAsync(enabled: false);

        using var response = await disabled.Client.GetAsync("/simulator/phone");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
