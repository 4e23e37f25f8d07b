namespace CallCenter.Core.Reports;

/// <summary>
/// An interval report's request as it arrives (docs/wallboard.md, "Interval reports"). <see cref="From"/> and
/// <see cref="To"/>: a date (<c>2026-11-23</c>: from its start, to its end) or a date-time (<c>2026-11-23T09:30</c>),
/// in the centre's zone unless it carries an offset. <see cref="Interval"/>: 15, 30 or 60 minutes.
/// </summary>
public sealed record ReportQuery(string? From, string? To, int? Interval, string? Queue = null, string? Agent = null);
