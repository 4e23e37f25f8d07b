using System.Text.Json;
using System.Xml.Linq;
using CallCenter.Api.Desk.Voice;
using CallCenter.Core.Desk;
using CallCenter.Core.Desk.Voice;
using Microsoft.Extensions.Options;
using Twilio.Protocol.Rest;
using Twilio.Protocol.Tests.Reference;

namespace CallCenter.Api.Tests.Desk.Voice;

/// <summary>
/// Every document the voice path serves, rebuilt verb by verb with Twilio's official helper library
/// (tools/twilio-reference/twiml-rebuild.js): a verb or noun out of place fails, and the library's output must be the
/// same document.
/// </summary>
public sealed class DeskTwimlReferenceTests
{
    private static readonly Guid OfferId = Guid.Parse("019a0000-0000-7000-8000-000000000001");

    public static TheoryData<string> CaseNames => new(Cases(holdMusic: null).Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task ServedTwiml_RebuiltWithOfficialLibrary_IsTheSameDocument(string caseName)
    {
        var ours = Cases(holdMusic: null)[caseName];

        var official = await RebuildAsync(caseName, ours);

        Assert.Equal(CanonicalXml.Normalize(official), CanonicalXml.Normalize(ours));
    }

    [Fact]
    public async Task HoldWithMusic_RebuiltWithOfficialLibrary_IsTheSameDocument()
    {
        var ours = Cases(holdMusic: "https://cdn.example.com/hold.mp3")["hold"];

        Assert.Contains("<Play>https://cdn.example.com/hold.mp3</Play>", ours, StringComparison.Ordinal);
        Assert.Equal(CanonicalXml.Normalize(await RebuildAsync("hold", ours)), CanonicalXml.Normalize(ours));
    }

    [Fact]
    public async Task Rebuild_NounOutsideDial_FailsNamingIt()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RebuildAsync("bad", "<Response><Say>Hi</Say><Client>agent1</Client></Response>"));

        Assert.Contains("<Client> is not TwiML", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Cases(string? holdMusic)
    {
        var twilio = Options.Create(new TwilioOptions { PublicBaseUrl = "https://hub.example.com" });
        var twiml = new DeskVoiceTwiml(new DeskVoiceLinks(twilio), Options.Create(new DeskVoiceOptions { HoldMusicUrl = holdMusic }));
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["connect-client"] = twiml.Connect(OfferId, new AgentEndpoint(AgentEndpoint.Client, "agent1"), "general", "zh-CN", 1, "+861065550000"),
            ["connect-number"] = twiml.Connect(OfferId, new AgentEndpoint(AgentEndpoint.Number, "+8613900139000"), "general", "en-US", 2, "+861065550000"),
            ["connect-sip"] = twiml.Connect(OfferId, new AgentEndpoint(AgentEndpoint.Sip, "sip:agent1@pbx.example.com"), "complaints", "zh-CN", 1, null),
            ["whisper"] = DeskVoiceTwiml.Whisper("general", "zh-CN"),
            ["hold"] = twiml.Hold(OfferId, "zh-CN"),
            ["hold-music"] = twiml.HoldMusic("en-US"),
            ["requeue"] = twiml.Requeue("general", "zh-CN", agentMissed: true),
            ["transfer"] = twiml.TransferDial(OfferId, "+8613900139000", "zh-CN", "+861065550000"),
            ["goodbye"] = DeskVoiceTwiml.SayAndHangUp(DeskVoicePrompts.Goodbye, "en-US"),
            ["hang-up"] = DeskVoiceTwiml.HangUp(),
            ["nothing"] = DeskVoiceTwiml.Nothing(),
            ["voicemail"] = twiml.Voicemail("general", "zh-CN"),
            ["callback-offer"] = twiml.CallbackOffer("general", "en-US"),
        };
    }

    internal static async Task<string> RebuildAsync(string caseName, string xml)
    {
        var input = JsonSerializer.Serialize(new Dictionary<string, Node> { [caseName] = Node.From(XDocument.Parse(xml).Root!) }, Camel);
        var output = JsonSerializer.Deserialize<Dictionary<string, string>>(await ReferenceTools.RunNodeAsync("twiml-rebuild.js", input))!;
        return output[caseName];
    }

    private static readonly JsonSerializerOptions Camel = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DictionaryKeyPolicy = null };

    private sealed record Node(string Name, Dictionary<string, string> Attributes, string? Text, IReadOnlyList<Node> Children)
    {
        public static Node From(XElement element) => new(
            element.Name.LocalName,
            element.Attributes().ToDictionary(a => a.Name.LocalName, a => a.Value),
            element.Nodes().OfType<XText>().Any() ? string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)) : null,
            [.. element.Elements().Select(From)]);
    }
}
