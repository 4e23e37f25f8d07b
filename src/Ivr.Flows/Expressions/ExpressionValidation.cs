using Ivr.Flows.Validation;

namespace Ivr.Flows.Expressions;

/// <summary>Checks an expression field of a step: it parses, and every special name it reads exists.</summary>
public static class ExpressionValidation
{
    /// <summary>Reports problems under <paramref name="field"/>; returns the parsed expression, or null when it has errors.</summary>
    public static Expression? Check(StepValidationContext context, string field, string? text)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Required(field, text))
        {
            return null;
        }

        if (!Expression.TryParse(text, out var expression, out var error))
        {
            context.Error(field, error);
            return null;
        }

        var errors = 0;
        foreach (var name in expression!.Identifiers)
        {
            errors += CheckName(context, field, name) ? 0 : 1;
        }

        return errors == 0 ? expression : null;
    }

    private static bool CheckName(StepValidationContext context, string field, string name)
    {
        if (SpecialNames.IsQueueFigure(name, out var queue, out var figure))
        {
            if (!SpecialNames.QueueFigures.Contains(figure, StringComparer.Ordinal))
            {
                context.Error(field, $"'{name}': unknown queue figure '{figure}'; use {string.Join(", ", SpecialNames.QueueFigures)}.");
                return false;
            }

            if (context.Catalog.Queues is { } queues && !queues.Contains(queue))
            {
                context.KnownQueue(field, queue);
                return false;
            }

            return true;
        }

        if (SpecialNames.IsTime(name, out var part) && !SpecialNames.TimeFigures.Contains(part, StringComparer.Ordinal))
        {
            context.Error(field, $"'{name}': unknown time figure '{part}'; use {string.Join(", ", SpecialNames.TimeFigures.Select(f => SpecialNames.TimePrefix + f))}.");
            return false;
        }

        if (SpecialNames.IsHours(name, out var calendar) && !context.Flow.Calendars.ContainsKey(calendar))
        {
            context.Error(field, context.Flow.Calendars.Count == 0
                ? $"'{name}': unknown calendar '{calendar}'; the flow has no calendars."
                : $"'{name}': unknown calendar '{calendar}'; the flow's calendars: {string.Join(", ", context.Flow.Calendars.Keys.Order(StringComparer.Ordinal))}.");
            return false;
        }

        return true;
    }
}
