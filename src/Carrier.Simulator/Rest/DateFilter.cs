using System.Globalization;

namespace Carrier.Simulator.Rest;

/// <summary>A date filter as given: a whole GMT day (<c>YYYY-MM-DD</c>) or an instant (ISO 8601, to the second).</summary>
internal sealed record DateFilter(string Text, DateTimeOffset Start, DateTimeOffset End)
{
    public static DateFilter? Parse(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return new DateFilter(text, start, start.AddDays(1));
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            var second = new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            return new DateFilter(text, second, second.AddSeconds(1));
        }

        return null;
    }

    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    public bool IsOnOrBefore(DateTimeOffset at) => at < End;

    public bool IsOnOrAfter(DateTimeOffset at) => at >= Start;
}
