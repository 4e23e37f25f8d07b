namespace CallCenter.Api.Reports;

/// <summary>
/// An interval report's query string. from, to: a date (2026-11-23; to includes the whole day) or a date-time
/// (2026-11-23T09:30), in the centre's time zone (Wallboard:TimeZone) unless an offset is given. interval: 15, 30 or 60
/// minutes. queue / agent: only that queue, or that agent (id or user name). format=csv: CSV instead of JSON (as
/// Accept: text/csv does).
/// </summary>
internal sealed record ReportParameters
{
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Interval { get; init; }
    public string? Queue { get; init; }
    public string? Agent { get; init; }
    public string? Format { get; init; }
}
