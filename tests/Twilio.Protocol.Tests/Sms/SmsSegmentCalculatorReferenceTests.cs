using System.Text.Json;
using Twilio.Protocol.Sms;
using Twilio.Protocol.Tests.Reference;

namespace Twilio.Protocol.Tests.Sms;

/// <summary>
/// <see cref="SmsSegmentCalculator"/> against Twilio's reference calculator (npm sms-segments-calculator@1.3.0,
/// run by tools/twilio-reference/segments.js). Fails, never skips, when the reference tools are not installed.
/// </summary>
public sealed class SmsSegmentCalculatorReferenceTests
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static readonly string[] Bodies =
    [
        "",
        "Hello",
        "Your appointment is on 2026-11-24 at 09:30. Reply YES to confirm, STOP to opt out.",
        new string('a', 160),
        new string('a', 161),
        new string('a', 306),
        new string('a', 307),
        new string('a', 159) + "€",
        new string('a', 152) + "{" + new string('b', 10),
        new string('[', 80),
        new string('~', 81),
        "Ç @ £ ¥ Ä Ö Ñ Ü § ¿ à Δ Ω\r\nline two\nline three",
        "ç is not GSM-7",
        "您好",
        "您好，您在第一人民医院的预约已确认：11月24日上午9:30，心内科，张医生。回复 STOP 退订。",
        new string('预', 70),
        new string('预', 71),
        new string('预', 134),
        new string('预', 135),
        new string('预', 66) + "😀" + new string('约', 10),
        new string('预', 69) + "😀",
        "好的 👍🏽 谢谢",
        "家庭 👨‍👩‍👧 国旗 🇨🇳",
        string.Concat(Enumerable.Repeat("😀", 35)),
        string.Concat(Enumerable.Repeat("😀", 36)),
        "Hello 张三, your test results are ready 🩺",
        new string('病', 1600),
    ];

    [Fact]
    public async Task Calculate_SameBodiesAsReferenceCalculator_SameEncodingSegmentsAndSize()
    {
        var expected = await ReferenceAsync(Bodies);
        var calculator = new SmsSegmentCalculator();

        var mismatches = new List<string>();
        for (var i = 0; i < Bodies.Length; i++)
        {
            var actual = calculator.Calculate(Bodies[i]);
            var reference = expected[i];
            var referenceEncoding = reference.Encoding == "GSM-7" ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2;
            // The reference counts UCS-2 characters as graphemes; its size in bits gives the code units ours reports.
            var referenceCharacters = referenceEncoding == SmsEncoding.Gsm7 ? reference.Characters : reference.MessageSizeBits / 16;
            var want = new SmsSegments(referenceEncoding, reference.Segments, referenceCharacters);
            if (want != actual)
            {
                mismatches.Add($"body #{i} ({Bodies[i].Length} chars): reference {want}, ours {actual}");
            }
        }

        Assert.Empty(mismatches);
    }

    private sealed record ReferenceCount(string Encoding, int Segments, int Characters, int MessageSizeBits);

    private static async Task<IReadOnlyList<ReferenceCount>> ReferenceAsync(IReadOnlyList<string> bodies)
    {
        ReferenceTools.RequireInstalled(Path.Combine("node_modules", "sms-segments-calculator", "package.json"));
        var output = await ReferenceTools.RunNodeAsync("segments.js", JsonSerializer.Serialize(bodies));
        return JsonSerializer.Deserialize<List<ReferenceCount>>(output, WebJson)!;
    }
}
