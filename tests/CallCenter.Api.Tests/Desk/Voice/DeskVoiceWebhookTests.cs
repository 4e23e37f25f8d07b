using System.Net;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Desk.Voice;

/// <summary>The voice path's webhooks: signature-checked, and always TwiML, whatever arrives.</summary>
public sealed class DeskVoiceWebhookTests
{
    [Fact]
    public async Task Connect_WithoutSignature_Forbidden()
    {
        await using var hub = await VoiceHub.StartAsync(TestEngines.Sqlite);

        using var response = await hub.Carrier.PostAsync(
            $"/twilio/voice/desk/connect?offer={Guid.NewGuid()}&agent={Guid.NewGuid()}&queue=general&lang=zh-CN&leg=1",
            new FormUrlEncodedContent([new("CallSid", "CA" + Guid.NewGuid().ToString("N"))]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("connect?offer=not-a-guid&agent=x&queue=general&lang=zh-CN&leg=1")]
    [InlineData("dial-ended?offer=00000000-0000-0000-0000-000000000000&queue=general&lang=zh-CN&leg=abc")]
    [InlineData("requeue?lang=en-US")]
    [InlineData("voicemail/recorded?lang=zh-CN")]
    public async Task Webhook_QueryTheHubDidNotMake_AnswersApologyTwiml(string pathAndQuery)
    {
        await using var hub = await VoiceHub.StartAsync(TestEngines.Sqlite);

        var answer = await hub.RepostAsync(Url(hub, pathAndQuery), Form());

        Assert.Contains("<Hangup", answer, StringComparison.Ordinal);
        Assert.Contains("<Say", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whisper_UnknownOffer_HangsUpTheAgentLeg()
    {
        await using var hub = await VoiceHub.StartAsync(TestEngines.Sqlite);

        var answer = await hub.RepostAsync(Url(hub, $"whisper?offer={Guid.NewGuid()}&queue=general&lang=zh-CN&leg=1"), Form());

        Assert.EndsWith("<Response><Hangup /></Response>", answer, StringComparison.Ordinal);
        Assert.Equal(0, hub.Signal.Wakes);
    }

    [Fact]
    public async Task DialEnded_UnknownOffer_SaysGoodbyeAndChangesNothing()
    {
        await using var hub = await VoiceHub.StartAsync(TestEngines.Sqlite);
        var callSid = "CA" + Guid.NewGuid().ToString("N");

        var answer = await hub.RepostAsync(
            Url(hub, $"dial-ended?offer={Guid.NewGuid()}&queue=general&lang=en-US&leg=1"), DeskCallControlTests.DialEndedForm(hub, callSid, "no-answer"));

        Assert.Contains("Thank you for calling. Goodbye.", answer, StringComparison.Ordinal);
        Assert.Empty(hub.Routing.Requeued);
        Assert.Equal(0, hub.Signal.Wakes);
    }

    private static string Url(VoiceHub hub, string pathAndQuery) => hub.Carrier.BaseAddress + "twilio/voice/desk/" + pathAndQuery;

    private static IReadOnlyList<KeyValuePair<string, string>> Form() =>
    [
        new("CallSid", "CA" + Guid.NewGuid().ToString("N")),
        new("CallStatus", "in-progress"),
    ];
}
