using Twilio.Protocol.TwiML;

namespace Twilio.Protocol.Tests.TwiML;

public sealed class VoiceResponseTests
{
    private const string Declaration = """<?xml version="1.0" encoding="UTF-8"?>""";

    [Fact]
    public void ToXml_ChineseSay_WritesCharactersNotEntities()
    {
        var xml = new VoiceResponse().Say("您好", language: "zh-CN").ToXml();

        Assert.Equal(Declaration + """<Response><Say language="zh-CN">您好</Say></Response>""", xml);
    }

    [Fact]
    public void ToXml_NoAttributesSet_WritesNoAttributes()
    {
        var xml = new VoiceResponse().Gather(new Gather()).Record().Say("x").ToXml();

        Assert.Equal(Declaration + "<Response><Gather /><Record /><Say>x</Say></Response>", xml);
    }

    [Fact]
    public void ToXml_MarkupInTextAndAttributes_IsEscaped()
    {
        var xml = new VoiceResponse().Redirect("/a?b=1&c=<2>").Gather(new Gather { Action = "/x?q=\"1\"&r=2" }).ToXml();

        Assert.Contains("<Redirect>/a?b=1&amp;c=&lt;2&gt;</Redirect>", xml, StringComparison.Ordinal);
        Assert.Contains("action=\"/x?q=&quot;1&quot;&amp;r=2\"", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void ToXml_ControlCharacterInText_IsDroppedNotThrown()
    {
        var xml = new VoiceResponse().Say("张\u0001三\uD800").ToXml();

        Assert.Contains("<Say>张三</Say>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void ToXml_EmojiSurrogatePair_IsKept()
    {
        Assert.Contains("<Say>😀</Say>", new VoiceResponse().Say("😀").ToXml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Play_NeitherUrlNorDigits_Throws()
    {
        Assert.Throws<ArgumentException>(() => new VoiceResponse().Play(null));
    }

    [Fact]
    public void SpeechTimeout_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpeechTimeout.Seconds(-1));
    }
}
