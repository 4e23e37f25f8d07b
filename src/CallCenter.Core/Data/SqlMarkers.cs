namespace CallCenter.Core.Data;

public static class SqlMarkers
{
    public const string Page = "/**page**/";

    /// <summary>
    /// <c>/**epoch-ms**/(column)</c>: the column's time as milliseconds since 1970-01-01 UTC, a bigint, so durations
    /// and interval buckets are plain integer arithmetic on every engine. The column is a name (<c>alias.column</c>).
    /// </summary>
    public const string EpochMilliseconds = "/**epoch-ms**/";
}
