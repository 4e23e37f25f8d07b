namespace Ivr.Flows.Model;

/// <summary>
/// Opening hours in the flow's time zone: per weekday (<c>mon</c>..<c>sun</c>) a list of "HH:mm-HH:mm" ranges,
/// and holidays (dates, closed all day) with optional special opening ranges.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>An IANA time zone; the flow's when absent.</summary>
    public string? TimeZone { get; init; }

    public Dictionary<string, List<string>> Hours { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Dates (yyyy-MM-dd) the hotline is closed all day.</summary>
    public List<string> Holidays { get; init; } = [];
}
