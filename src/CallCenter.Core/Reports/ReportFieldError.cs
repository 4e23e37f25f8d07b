namespace CallCenter.Core.Reports;

/// <summary>A report query parameter (named as in the URL) and why it is not acceptable.</summary>
public sealed record ReportFieldError(string Field, string Reason);
