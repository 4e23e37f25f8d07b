using Ivr.Flows.Languages;

namespace Ivr.Flows.Tests.Languages;

public sealed class IvrLanguageTests
{
    [Fact]
    public void ChineseMandarin_UsesZhCnForSayAndCmnHansCnForGather()
    {
        var zh = IvrLanguage.ChineseMandarin;

        Assert.Equal("zh-CN", zh.Tag);
        Assert.Equal("zh-CN", zh.SayLanguage);
        // Twilio's Gather speech languages have no zh-CN: Mandarin there is cmn-Hans-CN.
        Assert.Equal("cmn-Hans-CN", zh.GatherSpeechLanguage);
        Assert.False(string.IsNullOrWhiteSpace(zh.DefaultVoice));
    }

    [Fact]
    public void EnglishUs_UsesEnUsForSayAndGather()
    {
        var en = IvrLanguage.EnglishUs;

        Assert.Equal("en-US", en.Tag);
        Assert.Equal("en-US", en.SayLanguage);
        Assert.Equal("en-US", en.GatherSpeechLanguage);
        Assert.Equal("Polly.Joanna", en.DefaultVoice);
    }

    [Fact]
    public void All_HasBothLanguagesOnceWithDistinctTags()
    {
        Assert.Equal(["zh-CN", "en-US"], IvrLanguage.All.Select(l => l.Tag));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("zh-cn")]
    [InlineData("zh_CN")]
    [InlineData(" zh-CN ")]
    [InlineData("zh")]
    [InlineData("zh-Hans")]
    [InlineData("zh-Hans-CN")]
    [InlineData("cmn-Hans-CN")]
    public void Parse_MandarinTags_ReturnsChineseMandarin(string tag)
    {
        Assert.Same(IvrLanguage.ChineseMandarin, IvrLanguage.Parse(tag));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("EN-us")]
    [InlineData("en_US")]
    [InlineData("en")]
    public void Parse_EnglishTags_ReturnsEnglishUs(string tag)
    {
        Assert.Same(IvrLanguage.EnglishUs, IvrLanguage.Parse(tag));
    }

    [Theory]
    [InlineData("zh-TW")]
    [InlineData("zh-HK")]
    [InlineData("yue-HK")]
    [InlineData("en-GB")]
    [InlineData("fr-FR")]
    [InlineData("klingon")]
    public void TryParse_UnsupportedTag_ReturnsFalseNamingTagAndSupportedOnes(string tag)
    {
        var ok = IvrLanguage.TryParse(tag, out _, out var error);

        Assert.False(ok);
        Assert.Contains($"'{tag}'", error, StringComparison.Ordinal);
        Assert.Contains("zh-CN, en-US", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void TryParse_Missing_ReturnsFalseSayingSo(string? tag)
    {
        var ok = IvrLanguage.TryParse(tag, out _, out var error);

        Assert.False(ok);
        Assert.StartsWith("No IVR language given", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Unsupported_ThrowsArgumentExceptionWithTheReason()
    {
        var error = Assert.Throws<ArgumentException>(() => IvrLanguage.Parse("zh-TW"));

        Assert.Contains("does not speak 'zh-TW'", error.Message, StringComparison.Ordinal);
        Assert.Equal("tag", error.ParamName);
    }

    [Fact]
    public void ToString_IsTheTag()
    {
        Assert.Equal("en-US", IvrLanguage.EnglishUs.ToString());
    }
}
