using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Simulator.Support;
using CallCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;

namespace CallCenter.Api.Tests.Simulator;

/// <summary>
/// The carrier simulator and the hub as two processes (the built dlls, run with dotnet), as in production with
/// Twilio: the hub is killed, and the carrier still holds its record of what it carried.
/// </summary>
public sealed class SeparateSimulatorProcessTests
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    private const string Patient = "+8613800138000";
    private const string HubNumber = "+861012345678";

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task HubKilled_AfterAnsweringATextThroughTheSeparateSimulator_CarrierKeepsItsRecord(string engine)
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        var data = Directory.CreateTempSubdirectory("hub-process-").FullName;
        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var (hubPort, carrierPort) = (DotnetApp.FreePort(), DotnetApp.FreePort());
        var hubUrl = $"http://127.0.0.1:{hubPort}";
        var carrierApi = $"http://127.0.0.1:{carrierPort}/simulator";
        try
        {
            await using var carrier = DotnetApp.Start("Carrier.Simulator", carrierPort, new Dictionary<string, string>
            {
                ["Twilio:AccountSid"] = AccountSid,
                ["Twilio:AuthToken"] = token,
                ["Twilio:PublicBaseUrl"] = hubUrl,
            });
            await using var hub = DotnetApp.Start("CallCenter.Api", hubPort, new Dictionary<string, string>
            {
                ["Database:Provider"] = database.Engine,
                ["Database:ConnectionString"] = database.ConnectionString,
                ["Auth:DataProtectionKeysPath"] = Path.Combine(data, "keys"),
                ["Serilog:WriteTo:1:Args:path"] = Path.Combine(data, "logs", "callcenter-.log"),
                ["Twilio:AccountSid"] = AccountSid,
                ["Twilio:AuthToken"] = token,
                ["Twilio:ApiBaseUrl"] = carrierApi,
                ["Twilio:PublicBaseUrl"] = hubUrl,
            });
            await carrier.WaitUntilAnsweringAsync("/simulator/limits");
            await hub.WaitUntilAnsweringAsync("/health/ready");
            using var phone = new HttpClient { BaseAddress = carrier.BaseAddress };
            using var hubClient = new HttpClient { BaseAddress = hub.BaseAddress };

            using var builtIn = await hubClient.GetAsync(new Uri("/simulator/phone", UriKind.Relative));
            using var texted = await phone.PostAsJsonAsync("/simulator/sms", new { from = Patient, to = HubNumber, body = "HELP" });
            Assert.True(texted.IsSuccessStatusCode, await texted.Content.ReadAsStringAsync() + "\n" + hub.Tail());
            await hub.KillAsync();

            var thread = await phone.GetFromJsonAsync<JsonElement>($"/simulator/sms?number={Uri.EscapeDataString(Patient)}");
            var listed = await Rest(carrierApi, token).ListMessagesAsync(to: Patient, dateSentAfter: null);

            Assert.Equal(HttpStatusCode.NotFound, builtIn.StatusCode);
            Assert.True(hub.HasExited);
            Assert.False(carrier.HasExited);
            var messages = thread.EnumerateArray().ToList();
            Assert.Equal(2, messages.Count);
            Assert.Equal(("inbound", "HELP"), (messages[0].GetProperty("direction").GetString(), messages[0].GetProperty("body").GetString()));
            Assert.Equal("outbound-reply", messages[1].GetProperty("direction").GetString());
            Assert.Equal(HubNumber, messages[1].GetProperty("from").GetString());
            Assert.Contains("STOP", messages[1].GetProperty("body").GetString(), StringComparison.Ordinal);
            var reply = Assert.Single(listed);
            Assert.Equal(messages[1].GetProperty("sid").GetString(), reply.Sid);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static TwilioRestClient Rest(string apiBase, string token) => new(
        new HttpClient(),
        Options.Create(new TwilioOptions { AccountSid = AccountSid, AuthToken = token, ApiBaseUrl = apiBase, MaxAttempts = 1 }),
        (_, _) => Task.CompletedTask,
        NullLogger<TwilioRestClient>.Instance);
}
