using System.Text.Json;
using Twilio.Protocol.Tests.Reference;

namespace Twilio.Protocol.Tests.TwiML;

/// <summary>Our TwiML against Twilio's official helper library (twilio@6.2.0 via twiml.js), case by case.</summary>
public sealed class TwimlReferenceTests(TwimlReferenceTests.OfficialOutput official) : IClassFixture<TwimlReferenceTests.OfficialOutput>
{
    public static TheoryData<string> CaseNames => new(TwimlReferenceCases.All.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task ToXml_SameResponseAsOfficialLibrary_IsEquivalentXml(string caseName)
    {
        var expected = await official.XmlAsync(caseName);

        var actual = TwimlReferenceCases.All[caseName]().ToXml();

        Assert.Equal(CanonicalXml.Normalize(expected), CanonicalXml.Normalize(actual));
    }

    [Fact]
    public async Task OfficialScript_BuildsEveryCase_NoneMissingOrExtra()
    {
        var names = await official.NamesAsync();

        Assert.Equal(TwimlReferenceCases.All.Keys.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
    }

    /// <summary>Runs twiml.js once for the class.</summary>
    public sealed class OfficialOutput
    {
        private readonly Lazy<Task<Dictionary<string, string>>> _cases = new(async () =>
            JsonSerializer.Deserialize<Dictionary<string, string>>(await ReferenceTools.RunNodeAsync("twiml.js", string.Empty))!);

        public async Task<string> XmlAsync(string caseName) =>
            (await _cases.Value).TryGetValue(caseName, out var xml) ? xml : throw new KeyNotFoundException($"twiml.js has no case {caseName}.");

        public async Task<IEnumerable<string>> NamesAsync() => (await _cases.Value).Keys;
    }
}
