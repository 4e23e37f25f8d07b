using Notifications.Rules;

namespace Notifications.Tests.Rules;

public sealed class QuietHoursTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly QuietHoursWindow Default = new();
    private static readonly HashSet<DateOnly> NoHolidays = [];

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void NextAllowed_NightBeforeClocksGoForward_OpensAtEightDaylightTime()
    {
        // Sat 7 Mar 23:00 EST; the clocks go forward at 02:00 on Sun 8 Mar: 08:00 EDT is 12:00 UTC, not 13:00.
        Assert.Equal(Utc(3, 8, 12), QuietHours.NextAllowed(Utc(3, 8, 4), NewYork, Default, NoHolidays));
    }

    [Fact]
    public void NextAllowed_NightBeforeClocksGoBack_OpensAtEightStandardTime()
    {
        // Sat 31 Oct 23:00 EDT; the clocks go back on Sun 1 Nov: 08:00 EST is 13:00 UTC.
        Assert.Equal(Utc(11, 1, 13), QuietHours.NextAllowed(Utc(11, 1, 3), NewYork, Default, NoHolidays));
    }

    [Fact]
    public void NextAllowed_WindowStartInTheSkippedHour_OpensAtTheFirstTimeThatExists()
    {
        var early = new QuietHoursWindow { Start = "02:30", End = "21:00" };

        // 02:30 does not exist on 8 Mar in New York; 03:00 EDT (07:00 UTC) is the first minute after it.
        Assert.Equal(Utc(3, 8, 7), QuietHours.NextAllowed(Utc(3, 8, 5), NewYork, early, NoHolidays));
    }

    [Fact]
    public void NextAllowed_LateEveningInShanghai_OpensNextMorning()
    {
        Assert.Equal(Utc(11, 24, 0), QuietHours.NextAllowed(Utc(11, 23, 14), Shanghai, Default, NoHolidays));
    }

    [Fact]
    public void NextAllowed_InsideTheWindow_IsNow()
    {
        Assert.Equal(Utc(11, 23, 2, 17), QuietHours.NextAllowed(Utc(11, 23, 2, 17), Shanghai, Default, NoHolidays));
    }

    [Fact]
    public void NextAllowed_OnAHoliday_OpensOnTheNextWorkingDay()
    {
        HashSet<DateOnly> holidays = [new(2026, 11, 23), new(2026, 11, 24)];

        Assert.Equal(Utc(11, 25, 0), QuietHours.NextAllowed(Utc(11, 23, 2), Shanghai, Default, holidays));
    }

    [Fact]
    public void NextAllowed_PurposeOpenOnHolidays_IgnoresThem()
    {
        var window = new QuietHoursWindow { Start = "00:00", End = "24:00", ClosedOnHolidays = false };

        Assert.Equal(Utc(11, 23, 15), QuietHours.NextAllowed(Utc(11, 23, 15), Shanghai, window, new HashSet<DateOnly> { new(2026, 11, 23), new(2026, 11, 24) }));
    }

    [Theory]
    [InlineData("8:00", "21:00", "Start")]
    [InlineData("08:00", "25:00", "End")]
    [InlineData("21:00", "08:00", "after Start")]
    public void Check_BadWindow_NamesTheProblem(string start, string end, string expected)
    {
        Assert.Contains(expected, QuietHours.Check(new QuietHoursWindow { Start = start, End = end }), StringComparison.Ordinal);
    }
}
