using System.Collections.Concurrent;

namespace Ivr.Flows.Execution;

/// <summary>Time zones by IANA id, looked up once.</summary>
public static class FlowTime
{
    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Zones = new(StringComparer.Ordinal);

    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        var found = Zones.GetOrAdd(id, static key => TimeZoneInfo.TryFindSystemTimeZoneById(key, out var z) ? z : null);
        if (found is null)
        {
            return false;
        }

        zone = found;
        return true;
    }

    public static TimeZoneInfo Zone(string? id) => TryFindZone(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
