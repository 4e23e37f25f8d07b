using Ivr.Flows.Languages;

namespace Ivr.Flows.Tests.Languages;

public sealed class SpokenTimeTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData(1, 30, "zh-CN", "11月24日 星期二 上午9点30分")]
    [InlineData(1, 30, "en-US", "Tuesday 24 November at 9:30 AM")]
    [InlineData(6, 0, "zh-CN", "11月24日 星期二 下午2点")]
    [InlineData(6, 5, "en-US", "Tuesday 24 November at 2:05 PM")]
    [InlineData(4, 0, "zh-CN", "11月24日 星期二 中午12点")]
    [InlineData(11, 15, "zh-CN", "11月24日 星期二 晚上7点15分")]
    [InlineData(1, 30, "fr-FR", "11月24日 星期二 上午9点30分")]
    public void Format_LocalTimeInLanguage(int utcHour, int minute, string language, string expected)
    {
        var at = new DateTimeOffset(2026, 11, 24, utcHour, minute, 0, TimeSpan.Zero);

        Assert.Equal(expected, SpokenTime.Format(at, Shanghai, language));
    }
}
