using System.Net.Http.Json;
using System.Text.Json;
using CallCenter.Api.Tests.Simulator.Support;

namespace CallCenter.Api.Tests.Simulator;

/// <summary>The carrier simulator's own process: its settings, as <c>dotnet Carrier.Simulator.dll</c> reads them.</summary>
public sealed class StandaloneSimulatorTests
{
    [Fact]
    public async Task Start_WithoutAuthToken_StopsNamingTheSetting()
    {
        await using var carrier = DotnetApp.Start("Carrier.Simulator", DotnetApp.FreePort(), new Dictionary<string, string>());

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => carrier.WaitUntilAnsweringAsync("/simulator/limits"));

        Assert.True(carrier.HasExited);
        Assert.Contains("Twilio:AuthToken", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithARateAndAToken_AnswersWithThatLimitAndRedirectsToThePhone()
    {
        await using var carrier = DotnetApp.Start("Carrier.Simulator", DotnetApp.FreePort(), new Dictionary<string, string>
        {
            ["Twilio:AuthToken"] = "standalone-test-token",
            ["CarrierSimulator:MessageCreatesPerSecond"] = "3",
        });
        await carrier.WaitUntilAnsweringAsync("/simulator/limits");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = carrier.BaseAddress };

        var limits = await client.GetFromJsonAsync<JsonElement>("/simulator/limits");
        using var root = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(3, limits.GetProperty("messageCreatesPerSecond").GetInt32());
        Assert.Equal("/simulator/phone", root.Headers.Location?.OriginalString);
    }
}
