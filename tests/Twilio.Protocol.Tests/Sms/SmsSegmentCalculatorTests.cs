using Twilio.Protocol.Sms;

namespace Twilio.Protocol.Tests.Sms;

/// <summary>Expected counts checked against Twilio's reference calculator (npm sms-segments-calculator@1.3.0).</summary>
public sealed class SmsSegmentCalculatorTests
{
    private readonly SmsSegmentCalculator _calculator = new();

    [Theory]
    [InlineData("", 1, 0)]
    [InlineData("Hello", 1, 5)]
    [InlineData("Your appointment is on 2026-11-24 at 09:30. Reply YES to confirm.", 1, 65)]
    [InlineData("a\r\nb", 1, 4)]
    [InlineData("Ç @ £ ¥ Ä Ö Ñ Ü § ¿ à Δ Ω", 1, 25)]
    public void Calculate_GsmText_IsGsm7(string body, int segments, int characters)
    {
        Assert.Equal(new SmsSegments(SmsEncoding.Gsm7, segments, characters), _calculator.Calculate(body));
    }

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Calculate_AsciiAtBoundaries_Uses160Then153(int length, int segments)
    {
        Assert.Equal(new SmsSegments(SmsEncoding.Gsm7, segments, length), _calculator.Calculate(new string('a', length)));
    }

    [Theory]
    [InlineData("€")]
    [InlineData("[")]
    [InlineData("]")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("^")]
    [InlineData("~")]
    [InlineData("\\")]
    [InlineData("|")]
    [InlineData("\f")]
    public void Calculate_ExtensionCharacter_CountsTwo(string character)
    {
        Assert.Equal(new SmsSegments(SmsEncoding.Gsm7, 1, 2), _calculator.Calculate(character));
    }

    [Fact]
    public void Calculate_AllBasicCharacters_CountOneEach()
    {
        const string basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

        Assert.Equal(new SmsSegments(SmsEncoding.Gsm7, 1, 127), _calculator.Calculate(basic));
    }

    [Fact]
    public void Calculate_ExtensionCharacterFilling160_IsOneSegment()
    {
        Assert.Equal(new SmsSegments(SmsEncoding.Gsm7, 1, 160), _calculator.Calculate(new string('a', 158) + "€"));
        Assert.Equal(new SmsSegments(SmsEncoding.Gsm7, 1, 160), _calculator.Calculate(new string('{', 80)));
    }

    [Fact]
    public void Calculate_ExtensionCharacterPassing160_IsTwoSegments()
    {
        Assert.Equal(new SmsSegments(SmsEncoding.Gsm7, 2, 161), _calculator.Calculate(new string('a', 159) + "€"));
        Assert.Equal(new SmsSegments(SmsEncoding.Gsm7, 2, 162), _calculator.Calculate(new string('{', 81)));
    }

    [Fact]
    public void Calculate_ExtensionCharacterAtPartBoundary_IsNotSplit()
    {
        // 306 septets would fit two parts of 153, but the € pair cannot start in the last septet of part one.
        var straddling = new string('a', 152) + "€" + new string('b', 152);
        var aligned = new string('a', 151) + "€" + new string('b', 153);

        Assert.Equal(new SmsSegments(SmsEncoding.Gsm7, 3, 306), _calculator.Calculate(straddling));
        Assert.Equal(new SmsSegments(SmsEncoding.Gsm7, 2, 306), _calculator.Calculate(aligned));
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Calculate_Chinese_IsUcs2With70Then67(int length, int segments)
    {
        Assert.Equal(new SmsSegments(SmsEncoding.Ucs2, segments, length), _calculator.Calculate(new string('中', length)));
    }

    [Fact]
    public void Calculate_OneChineseCharacterInGsmText_MakesWholeMessageUcs2()
    {
        Assert.Equal(new SmsSegments(SmsEncoding.Ucs2, 1, 7), _calculator.Calculate("Hello 中"));
        Assert.Equal(new SmsSegments(SmsEncoding.Ucs2, 3, 150), _calculator.Calculate(new string('a', 149) + "中"));
    }

    [Theory]
    [InlineData(35, 1, 70)]
    [InlineData(36, 2, 72)]
    public void Calculate_Emoji_CountsTwoCodeUnits(int emoji, int segments, int characters)
    {
        var body = string.Concat(Enumerable.Repeat("😀", emoji));

        Assert.Equal(new SmsSegments(SmsEncoding.Ucs2, segments, characters), _calculator.Calculate(body));
    }

    [Fact]
    public void Calculate_EmojiAtPartBoundary_IsNotSplit()
    {
        // 134 code units would fit two parts of 67; the 34th emoji would straddle the boundary.
        var body = "aa" + string.Concat(Enumerable.Repeat("😀", 66));

        Assert.Equal(new SmsSegments(SmsEncoding.Ucs2, 3, 134), _calculator.Calculate(body));
    }

    [Fact]
    public void Calculate_CombinedEmoji_StaysInOnePart()
    {
        var body = new string('a', 60) + "👨‍👩‍👧‍👦" + "b";

        Assert.Equal(new SmsSegments(SmsEncoding.Ucs2, 2, 72), _calculator.Calculate(body));
    }

    [Theory]
    [InlineData("ç")] // GSM's 0x09 is the capital Ç only
    [InlineData("`")]
    [InlineData("e\u0301")] // e + combining acute: not the precomposed é
    [InlineData("’")] // a typographic apostrophe, common in pasted text
    public void Calculate_NonGsmLookalike_IsUcs2(string body)
    {
        Assert.Equal(SmsEncoding.Ucs2, _calculator.Calculate(body).Encoding);
    }

    [Fact]
    public void Calculate_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _calculator.Calculate(null!));
    }
}
