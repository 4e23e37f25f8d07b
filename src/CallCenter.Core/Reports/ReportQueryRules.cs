using System.Globalization;
using CallCenter.Core.Wallboard;

namespace CallCenter.Core.Reports;

/// <summary>Reads and checks a report's range and interval.</summary>
internal static class ReportQueryRules
{
    public const int MaxDays = 92;
    public static readonly IReadOnlyList<int> Intervals = [15, 30, 60];

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
    ];

    public static (ReportPeriod? Period, List<ReportFieldError> Errors) Check(ReportQuery query, CentreClock clock)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(clock);
        var errors = new List<ReportFieldError>();
        var from = Parse(query.From, "from", endOfDay: false, clock, errors);
        var to = Parse(query.To, "to", endOfDay: true, clock, errors);
        if (query.Interval is not { } minutes || !Intervals.Contains(minutes))
        {
            errors.Add(new("interval", "must be 15, 30 or 60 (minutes)"));
        }

        if (from is { } f && to is { } t)
        {
            if (f >= t)
            {
                errors.Add(new("from", "must be before to"));
            }
            else if (t - f > TimeSpan.FromDays(MaxDays))
            {
                errors.Add(new("to", $"must be at most {MaxDays} days after from"));
            }
        }

        return errors.Count > 0 ? (null, errors) : (new ReportPeriod(from!.Value, to!.Value, TimeSpan.FromMinutes(query.Interval!.Value)), errors);
    }

    // A date alone means the whole day: from its local midnight, to the next one. A date-time without an offset is the
    // centre's wall clock; with one (Z, +08:00) it is that instant.
    private static DateTime? Parse(string? text, string field, bool endOfDay, CentreClock clock, List<ReportFieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(field, "is required: a date (2026-11-23) or a date-time (2026-11-23T09:30), in the centre's time zone"));
            return null;
        }

        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return clock.ToUtc((endOfDay ? date.AddDays(1) : date).ToDateTime(TimeOnly.MinValue));
        }

        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return clock.ToUtc(local);
        }

        if (text.Length > 16 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && (text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-'))
        {
            return instant.UtcDateTime;
        }

        errors.Add(new(field, "must be a date (2026-11-23) or a date-time (2026-11-23T09:30, or with an offset such as 2026-11-23T01:30Z)"));
        return null;
    }
}
