using Ivr.Flows.Execution;
using Ivr.Flows.Expressions;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;

namespace Ivr.Flows.Steps;

/// <summary>
/// Chooses the way on by conditions: the first case whose <c>when</c> is true wins, else <c>else</c>. Conditions are
/// <see cref="Expression"/>s and may read live queue figures, the time and opening hours.
/// <code>{"type": "split", "cases": [{"when": "patient.tags contains 'vip'", "next": "vip"},
///   {"when": "queue.general.estimatedWait > 600", "next": "callback"}], "else": "menu"}</code>
/// </summary>
[FlowStepType("split")]
public sealed class SplitStep : FlowStep
{
    public List<SplitCase> Cases { get; init; } = [];

    public string? Else { get; init; }

    public override IEnumerable<StepTransition> Transitions() =>
        [.. Cases.Select((c, i) => new StepTransition($"cases[{i}].next", c.Next)), new("else", Else)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Cases.Count == 0)
        {
            context.Error("cases", "a split needs at least one case.");
        }

        for (var i = 0; i < Cases.Count; i++)
        {
            ExpressionValidation.Check(context, $"cases[{i}].when", Cases[i].When);
            context.Required($"cases[{i}].next", Cases[i].Next);
        }

        context.Required("else", Else);
    }

    public override async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lookup = await ExpressionScope.CreateAsync(context, Cases.Select(c => c.Parsed), cancellationToken);
        for (var i = 0; i < Cases.Count; i++)
        {
            if (Cases[i].Parsed.IsTrue(lookup))
            {
                context.Trace("case", $"cases[{i}]");
                return StepOutcome.Next(Cases[i].Next, $"cases[{i}]");
            }
        }

        context.Trace("case", "else");
        return StepOutcome.Next(Else, "else");
    }
}
