namespace CallCenter.Core.Reports;

/// <summary>A checked report range in UTC, [From, To), cut into intervals that start on the centre's local clock.</summary>
public sealed record ReportPeriod(DateTime From, DateTime To, TimeSpan Interval);
