namespace CallCenter.Core.Reports;

/// <summary>An interval report's rows, or why the query was refused.</summary>
public sealed record ReportResult<TRow>(IReadOnlyList<TRow> Rows, IReadOnlyList<ReportFieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The range and interval the rows cover (UTC); null when the query was refused.</summary>
    public ReportPeriod? Period { get; init; }

    /// <summary>The centre's zone the intervals follow.</summary>
    public string TimeZone { get; init; } = "";

}
