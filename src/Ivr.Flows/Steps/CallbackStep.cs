using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;

namespace Ivr.Flows.Steps;

/// <summary>
/// Stores a request to be called back from a queue without waiting in it first (after hours, or by menu choice);
/// the outbound side calls the caller's number later. A caller already waiting in a queue is offered a callback
/// by the <c>enqueue</c> step instead, which keeps their place.
/// <code>{"type": "callback", "queue": "general", "prompt": {...}, "next": "goodbye"}</code>
/// </summary>
[FlowStepType("callback", Kinds = [FlowKind.Voice])]
public sealed class CallbackStep : FlowStep
{
    public string? Queue { get; init; }

    /// <summary>Said once the request is stored.</summary>
    public LocalizedText? Prompt { get; init; }

    public string? Next { get; init; }

    public override IEnumerable<StepTransition> Transitions() => [new("next", Next)];

    public override IEnumerable<StepPrompt> Prompts() => [new("prompt", Prompt)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Required("queue", Queue))
        {
            context.KnownQueue("queue", Queue);
        }
    }

    public override async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.Services.Queues.RequestCallbackAsync(
            new CallbackRequest(CallFacts.CallSid(context), Queue!, CallFacts.From(context), CallFacts.PatientId(context), context.Session.Language),
            cancellationToken);
        context.Set(FlowVariables.CallbackRequested, FlowValue.True);
        context.Trace("callback", Queue);
        context.Say(Prompt);
        return StepOutcome.Next(Next, "requested");
    }
}
