using System.Globalization;

namespace Ivr.Flows.Languages;

/// <summary>
/// A moment as the IVR reads it out, in the caller's language and the flow's time zone:
/// zh-CN "11月24日 星期二 上午9点30分", en-US "Tuesday 24 November at 9:30 AM".
/// </summary>
public static class SpokenTime
{
    private static readonly string[] ChineseWeekdays = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];

    public static string Format(DateTimeOffset at, TimeZoneInfo zone, string language)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var parsed = IvrLanguage.TryParse(language, out var ivrLanguage, out _) ? ivrLanguage : IvrLanguage.ChineseMandarin;
        return parsed == IvrLanguage.EnglishUs ? English(local) : Chinese(local);
    }

    private static string English(DateTimeOffset local) =>
        local.ToString("dddd d MMMM 'at' h:mm tt", CultureInfo.GetCultureInfo("en-US"));

    // Spoken Chinese names the part of the day and counts hours 1-12 within it; a full hour has no minutes ("上午9点").
    private static string Chinese(DateTimeOffset local)
    {
        var part = local.Hour switch
        {
            < 6 => "凌晨",
            < 12 => "上午",
            12 => "中午",
            < 18 => "下午",
            _ => "晚上",
        };
        var hour = local.Hour > 12 ? local.Hour - 12 : local.Hour;
        var minutes = local.Minute == 0 ? string.Empty : $"{local.Minute}分";
        return string.Create(CultureInfo.InvariantCulture, $"{local.Month}月{local.Day}日 {ChineseWeekdays[(int)local.DayOfWeek]} {part}{hour}点{minutes}");
    }
}
