using System.Globalization;

namespace Ivr.Flows.Model;

/// <summary>Reads and checks <see cref="BusinessCalendar"/>s: whether a moment is inside opening hours.</summary>
public static class BusinessHours
{
    private static readonly string[] Weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>True when <paramref name="now"/> falls in an opening range on a day that is not a holiday.</summary>
    public static bool IsOpen(BusinessCalendar calendar, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (calendar.Holidays.Contains(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparer.Ordinal))
        {
            return false;
        }

        if (!calendar.Hours.TryGetValue(Weekdays[(int)local.DayOfWeek], out var ranges))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(local.DateTime);
        return ranges.Any(range => TryParseRange(range, out var open, out var close) && time >= open && time < close);
    }

    /// <summary>Reports bad weekdays, ranges and holiday dates; <paramref name="field"/> prefixes the field names.</summary>
    public static void Validate(string field, BusinessCalendar calendar, Action<string, string> error)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(error);
        if (calendar.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            error($"{field}.timeZone", $"unknown time zone '{zone}'.");
        }

        foreach (var (day, ranges) in calendar.Hours)
        {
            if (!Weekdays.Contains(day, StringComparer.OrdinalIgnoreCase))
            {
                error($"{field}.hours.{day}", "is not a weekday; use mon, tue, wed, thu, fri, sat or sun.");
                continue;
            }

            foreach (var (range, index) in ranges.Select((r, i) => (r, i)))
            {
                if (!TryParseRange(range, out var open, out var close))
                {
                    error($"{field}.hours.{day}[{index}]", $"'{range}' is not a range like 08:00-17:30.");
                }
                else if (close <= open)
                {
                    error($"{field}.hours.{day}[{index}]", $"'{range}' closes before it opens.");
                }
            }
        }

        foreach (var (holiday, index) in calendar.Holidays.Select((h, i) => (h, i)))
        {
            if (!DateOnly.TryParseExact(holiday, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                error($"{field}.holidays[{index}]", $"'{holiday}' is not a date like 2026-10-01.");
            }
        }
    }

    private static bool TryParseRange(string range, out TimeOnly open, out TimeOnly close)
    {
        open = close = default;
        var parts = range.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            return false;
        }

        // 24:00 reads as the end of the day.
        var closeText = parts[1] == "24:00" ? "23:59:59.9999999" : parts[1];
        return TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out open)
            && (TimeOnly.TryParseExact(closeText, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out close)
                || TimeOnly.TryParse(closeText, CultureInfo.InvariantCulture, out close));
    }
}
