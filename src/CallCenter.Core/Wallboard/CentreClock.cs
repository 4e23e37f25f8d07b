using Microsoft.Extensions.Options;

namespace CallCenter.Core.Wallboard;

/// <summary>The centre's time zone: where its day starts, and local report times turned into UTC.</summary>
public sealed class CentreClock
{
    public CentreClock(IOptions<WallboardOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ZoneId = options.Value.TimeZone;
        Zone = TryFindZone(ZoneId, out var zone) ? zone : throw new InvalidOperationException($"Wallboard:TimeZone '{ZoneId}' is not a known time zone.");
    }

    internal CentreClock(TimeZoneInfo zone)
    {
        Zone = zone;
        ZoneId = zone.Id;
    }

    public string ZoneId { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The UTC instant of local midnight starting the centre's day that contains <paramref name="utcNow"/>.</summary>
    public DateTime DayStart(DateTime utcNow) => ToUtc(TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utcNow), Zone).Date);

    /// <summary>
    /// A local wall-clock time in the centre's zone as UTC. A time a clock change skipped is read as the first instant
    /// after the gap; a time it repeated, as its first occurrence.
    /// </summary>
    public DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(15);
        }

        if (Zone.IsAmbiguousTime(unspecified))
        {
            var offset = Zone.GetAmbiguousTimeOffsets(unspecified).Max();
            return DateTime.SpecifyKind(unspecified - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone);
    }

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), Zone);

    internal static bool TryFindZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    private static DateTime AsUtc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
