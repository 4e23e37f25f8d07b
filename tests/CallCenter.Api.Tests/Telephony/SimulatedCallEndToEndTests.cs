using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Infrastructure;
using CallCenter.Core.Accounts;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Telephony;

/// <summary>
/// The whole path over real HTTP: a simulated patient calls; the simulator sends signed webhooks to the hub as
/// Twilio would; the hub answers TwiML, which the simulator plays; the call lands on the patient's timeline
/// with its status history.
/// </summary>
public sealed class SimulatedCallEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task KnownPatientCalls_HearsHotlineAndHangsUp_CallOnTimelineWithStatusHistory()
    {
        await using var hub = await LiveHub.StartAsync();
        var agent = await hub.Factory.SignInAsAsync(Roles.Agent);
        using var phone = hub.CreateHttpClient();
        var number = UniqueData.ChinaMobile();
        var created = await agent.Client.PostAsJsonAsync("/api/patients", new { fullName = "林晓", phones = new[] { new { number } } });
        var patientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var placed = await phone.PostAsJsonAsync("/simulator/calls", new { from = number, to = "+861065550000" });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var callSid = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("callSid").GetString()!;

        // The hotline's main menu waits for a key; the patient hangs up there instead.
        await WaitForAsync(() => phone.GetFromJsonAsync<JsonElement>($"/simulator/calls/{callSid}"), c => c.GetProperty("transcript").EnumerateArray().Any(l => l.GetProperty("kind").GetString() == "gather"));
        Assert.Equal(HttpStatusCode.Accepted, (await phone.PostAsync($"/simulator/calls/{callSid}/hangup", null)).StatusCode);
        var call = await WaitForAsync(() => phone.GetFromJsonAsync<JsonElement>($"/simulator/calls/{callSid}"), c => c.GetProperty("status").GetString() == "completed");
        var said = call.GetProperty("transcript").EnumerateArray()
            .Where(line => line.GetProperty("kind").GetString() == "say")
            .Select(line => line.GetProperty("text").GetString())
            .ToList();
        Assert.NotEmpty(said);

        var timeline = await WaitForAsync(
            () => agent.Client.GetFromJsonAsync<JsonElement>($"/api/patients/{patientId}/timeline"),
            t => t.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("externalId").GetString() == callSid));
        var entry = timeline.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("externalId").GetString() == callSid);
        Assert.Equal("call", entry.GetProperty("kind").GetString());

        var stored = await WaitForAsync(
            () => agent.Client.GetFromJsonAsync<JsonElement>($"/api/calls/{callSid}"),
            c => c.GetProperty("call").GetProperty("status").GetString() == "completed");
        var history = stored.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("status").GetString()).ToList();
        Assert.Equal(["ringing", "in-progress", "completed"], history);
        Assert.Equal(patientId, stored.GetProperty("call").GetProperty("patientId").GetGuid());
    }

    /// <summary>Polls until the condition holds; the simulator works asynchronously, as Twilio does.</summary>
    private static async Task<JsonElement> WaitForAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                Assert.True(done(value), $"not reached within {Patience}: {value}");
                return value;
            }

            await Task.Delay(100);
        }
    }
}
