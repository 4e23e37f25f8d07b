namespace Ivr.Flows.Expressions;

/// <summary>
/// Names expressions may read that are not session variables but worked out when the step runs:
/// <c>queue.&lt;name&gt;.waiting|agentsAvailable|estimatedWait|longestWait</c> (live queue figures; waits in seconds),
/// <c>time.hour|minute|weekday|date|hhmm</c> (now in the flow's time zone: weekday mon..sun, date yyyy-MM-dd,
/// hhmm a number such as 1405) and <c>hours.&lt;calendar&gt;</c> (true while the calendar is open).
/// </summary>
public static class SpecialNames
{
    public const string QueuePrefix = "queue.";
    public const string TimePrefix = "time.";
    public const string HoursPrefix = "hours.";

    public static IReadOnlyList<string> QueueFigures { get; } = ["waiting", "agentsAvailable", "estimatedWait", "longestWait"];

    public static IReadOnlyList<string> TimeFigures { get; } = ["hour", "minute", "weekday", "date", "hhmm"];

    /// <summary>True for <c>queue.&lt;name&gt;.&lt;figure&gt;</c>: three or more parts (<c>queue.name</c> is an ordinary variable).</summary>
    public static bool IsQueueFigure(string name, out string queue, out string figure)
    {
        queue = figure = string.Empty;
        if (!name.StartsWith(QueuePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var last = name.LastIndexOf('.');
        if (last <= QueuePrefix.Length)
        {
            return false;
        }

        queue = name[QueuePrefix.Length..last];
        figure = name[(last + 1)..];
        return true;
    }

    public static bool IsTime(string name, out string figure) => HasPrefix(name, TimePrefix, out figure);

    public static bool IsHours(string name, out string calendar) => HasPrefix(name, HoursPrefix, out calendar);

    /// <summary>True when a <c>set</c> step may not write <paramref name="name"/>, because reading it gives the special value.</summary>
    public static bool IsReserved(string name) => IsQueueFigure(name, out _, out _) || IsTime(name, out _) || IsHours(name, out _);

    private static bool HasPrefix(string name, string prefix, out string rest)
    {
        rest = name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : string.Empty;
        return rest.Length > 0;
    }
}
