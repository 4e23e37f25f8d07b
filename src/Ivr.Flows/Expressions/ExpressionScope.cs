using System.Globalization;
using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Values;

namespace Ivr.Flows.Expressions;

/// <summary>
/// The names an expression reads, for one step run: the <see cref="SpecialNames"/> worked out now, everything else
/// from the call's variables (read live, so a <c>set</c> step sees the values it has just set).
/// </summary>
public static class ExpressionScope
{
    private static readonly string[] Weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>
    /// A lookup for <paramref name="expressions"/>. Queue figures are fetched from <see cref="IQueueLine"/> only for
    /// the queues the expressions name, once each; a port failure propagates to the engine's error path.
    /// </summary>
    public static async ValueTask<Func<string, FlowValue>> CreateAsync(
        StepContext context, IEnumerable<Expression> expressions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(expressions);
        var queues = new Dictionary<string, QueueStatus>(StringComparer.Ordinal);
        foreach (var name in expressions.SelectMany(e => e.Identifiers))
        {
            if (SpecialNames.IsQueueFigure(name, out var queue, out _) && !queues.ContainsKey(queue))
            {
                queues[queue] = await context.Services.Queues.StatusAsync(queue, cancellationToken);
            }
        }

        var now = context.Now;
        var local = TimeZoneInfo.ConvertTime(now, context.TimeZone);
        return name => Read(context, queues, now, local, name);
    }

    private static FlowValue Read(StepContext context, Dictionary<string, QueueStatus> queues, DateTimeOffset now, DateTimeOffset local, string name)
    {
        if (SpecialNames.IsQueueFigure(name, out var queue, out var figure))
        {
            return queues.TryGetValue(queue, out var status) ? QueueFigure(status, figure) : FlowValue.Null;
        }

        if (SpecialNames.IsTime(name, out var part))
        {
            return part switch
            {
                "hour" => FlowValue.From(local.Hour),
                "minute" => FlowValue.From(local.Minute),
                "weekday" => FlowValue.From(Weekdays[(int)local.DayOfWeek]),
                "date" => FlowValue.From(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                "hhmm" => FlowValue.From((local.Hour * 100) + local.Minute),
                _ => FlowValue.Null,
            };
        }

        if (SpecialNames.IsHours(name, out var calendarName))
        {
            return context.Flow.Calendars.TryGetValue(calendarName, out var calendar)
                ? FlowValue.From(BusinessHours.IsOpen(calendar, CalendarZone(context, calendar), now))
                : FlowValue.Null;
        }

        return context.Get(name);
    }

    /// <summary>The calendar's own time zone, else the flow's.</summary>
    public static TimeZoneInfo CalendarZone(StepContext context, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.TimeZone is { } zone ? FlowTime.Zone(zone) : context.TimeZone;
    }

    private static FlowValue QueueFigure(QueueStatus status, string figure) => figure switch
    {
        "waiting" => FlowValue.From(status.Waiting),
        "agentsAvailable" => FlowValue.From(status.AgentsAvailable),
        "estimatedWait" => FlowValue.From(status.EstimatedWaitSeconds),
        "longestWait" => FlowValue.From(status.LongestWaitSeconds),
        _ => FlowValue.Null,
    };
}
