using System.Globalization;

namespace Notifications.Rules;

/// <summary>
/// When a message may go, in the recipient's local time: the window of its purpose, holidays closed. Each day's window
/// is turned into UTC through the zone's own rules for that date, so a day that changes clocks (DST) opens at its own
/// 08:00; a window edge that falls in the skipped hour opens at the first local time that exists.
/// </summary>
public static class QuietHours
{
    private const int DaysAhead = 30;

    /// <summary>Null when the window reads well, else the reason.</summary>
    public static string? Check(QuietHoursWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (Parse(window.Start) is not { } start)
        {
            return $"Start '{window.Start}' is not a time (HH:mm)";
        }

        if (Parse(window.End) is not { } end)
        {
            return $"End '{window.End}' is not a time (HH:mm, or 24:00)";
        }

        return end <= start ? "End must be after Start (a window within one day)" : null;
    }

    /// <summary>
    /// <paramref name="nowUtc"/> when it is inside a window, else the start of the next window (UTC); null when no
    /// window opens within a month (every day a holiday).
    /// </summary>
    public static DateTime? NextAllowed(DateTime nowUtc, TimeZoneInfo zone, QuietHoursWindow window, IReadOnlySet<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(holidays);
        var start = Parse(window.Start) ?? throw new ArgumentException($"Start '{window.Start}' is not a time.", nameof(window));
        var end = Parse(window.End) ?? throw new ArgumentException($"End '{window.End}' is not a time.", nameof(window));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone));
        for (var day = today.AddDays(-1); day <= today.AddDays(DaysAhead); day = day.AddDays(1))
        {
            if (window.ClosedOnHolidays && holidays.Contains(day))
            {
                continue;
            }

            var opens = ToUtc(day, start, zone);
            var closes = ToUtc(day, end, zone);
            if (nowUtc < opens)
            {
                return opens;
            }

            if (nowUtc < closes)
            {
                return nowUtc;
            }
        }

        return null;
    }

    /// <summary>A local date and time of day as UTC; a time in a skipped hour becomes the first that exists after it.</summary>
    public static DateTime ToUtc(DateOnly day, TimeSpan timeOfDay, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue).Add(timeOfDay), DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        // An ambiguous time (clocks going back) is read as the earlier of its two instants: a window opens at the first.
        if (zone.IsAmbiguousTime(local))
        {
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static TimeSpan? Parse(string? text) =>
        text == "24:00" ? TimeSpan.FromHours(24)
        : TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var time) ? time
        : null;
}
