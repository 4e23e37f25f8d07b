using Ivr.Flows.Execution;
using Ivr.Flows.Expressions;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;

namespace Ivr.Flows.Steps;

/// <summary>
/// Sets call variables to the values of <see cref="Expression"/>s, in the order written (a later value may read an
/// earlier one), then goes on. Texts are quoted: <c>'vip'</c>; a bare word is a variable name.
/// <code>{"type": "set", "variables": {"route": "'priority'", "busy": "queue.general.waiting > 10"}, "next": "split"}</code>
/// </summary>
[FlowStepType("set")]
public sealed class SetStep : FlowStep
{
    private IReadOnlyList<(string Name, Expression Value)>? _parsed;

    public Dictionary<string, string> Variables { get; init; } = new(StringComparer.Ordinal);

    public string? Next { get; init; }

    private IReadOnlyList<(string Name, Expression Value)> Parsed =>
        LazyInitializer.EnsureInitialized(ref _parsed, () => [.. Variables.Select(v => (v.Key, Expression.Parse(v.Value)))]);

    public override IEnumerable<StepTransition> Transitions() => [new("next", Next)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Variables.Count == 0)
        {
            context.Error("variables", "a set step needs at least one variable.");
        }

        foreach (var (name, value) in Variables)
        {
            if (!VariableNames.IsValid(name))
            {
                context.Error($"variables.{name}", VariableNames.Rule);
            }
            else if (SpecialNames.IsReserved(name))
            {
                context.Error($"variables.{name}", "is worked out by the hub when read (queue figures, time., hours.); choose another name.");
            }

            ExpressionValidation.Check(context, $"variables.{name}", value);
        }

        context.Required("next", Next);
    }

    public override async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parsed = Parsed;
        var lookup = await ExpressionScope.CreateAsync(context, parsed.Select(p => p.Value), cancellationToken);
        foreach (var (name, value) in parsed)
        {
            context.Set(name, value.Evaluate(lookup));
        }

        context.Trace("set", string.Join(", ", parsed.Select(p => p.Name)));
        return StepOutcome.Next(Next);
    }
}
