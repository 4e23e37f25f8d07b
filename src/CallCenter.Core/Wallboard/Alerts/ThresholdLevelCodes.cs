namespace CallCenter.Core.Wallboard.Alerts;

/// <summary>The stored codes of <see cref="ThresholdLevel"/>: normal, warning, critical.</summary>
public static class ThresholdLevelCodes
{
    public static string ToCode(this ThresholdLevel level) => level switch
    {
        ThresholdLevel.Warning => "warning",
        ThresholdLevel.Critical => "critical",
        _ => "normal",
    };

    /// <summary>An unknown code reads as normal: a row from a newer hub never raises an alert by itself.</summary>
    public static ThresholdLevel Parse(string? code) => code switch
    {
        "warning" => ThresholdLevel.Warning,
        "critical" => ThresholdLevel.Critical,
        _ => ThresholdLevel.Normal,
    };
}
