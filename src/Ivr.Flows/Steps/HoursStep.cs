using Ivr.Flows.Execution;
using Ivr.Flows.Expressions;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;

namespace Ivr.Flows.Steps;

/// <summary>
/// Goes one way while a calendar of the flow is open (in the calendar's time zone, else the flow's), another when closed.
/// <code>{"type": "hours", "calendar": "main", "open": "menu", "closed": "after-hours"}</code>
/// </summary>
[FlowStepType("hours")]
public sealed class HoursStep : FlowStep
{
    public string? Calendar { get; init; }

    public string? Open { get; init; }

    public string? Closed { get; init; }

    public override IEnumerable<StepTransition> Transitions() => [new("open", Open), new("closed", Closed)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Required("calendar", Calendar) && !context.Flow.Calendars.ContainsKey(Calendar!))
        {
            context.Error("calendar", context.Flow.Calendars.Count == 0
                ? $"unknown calendar '{Calendar}'; the flow has no calendars."
                : $"unknown calendar '{Calendar}'; the flow's calendars: {string.Join(", ", context.Flow.Calendars.Keys.Order(StringComparer.Ordinal))}.");
        }

        context.Required("open", Open);
        context.Required("closed", Closed);
    }

    public override ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var calendar = context.Flow.Calendars[Calendar!];
        var open = BusinessHours.IsOpen(calendar, ExpressionScope.CalendarZone(context, calendar), context.Now);
        context.Trace("hours", open ? "open" : "closed");
        return ValueTask.FromResult(open ? StepOutcome.Next(Open, "open") : StepOutcome.Next(Closed, "closed"));
    }
}
