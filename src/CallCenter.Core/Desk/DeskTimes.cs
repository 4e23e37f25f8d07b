namespace CallCenter.Core.Desk;

/// <summary>Stored times are UTC; the desk contract speaks <see cref="DateTimeOffset"/>.</summary>
public static class DeskTimes
{
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
