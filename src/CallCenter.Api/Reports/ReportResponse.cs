namespace CallCenter.Api.Reports;

/// <summary>An interval report as JSON: the range (in the centre's zone), the interval and one row per queue (or agent) and interval.</summary>
public sealed record ReportResponse<TRow>(string TimeZone, DateTimeOffset From, DateTimeOffset To, int IntervalMinutes, IReadOnlyList<TRow> Rows);
