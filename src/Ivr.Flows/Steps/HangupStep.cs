using Ivr.Flows.Execution;
using Ivr.Flows.Model;

namespace Ivr.Flows.Steps;

/// <summary>Says an optional goodbye and ends the call (or, in an SMS flow, the conversation with the IVR).</summary>
[FlowStepType("hangup")]
public sealed class HangupStep : FlowStep
{
    public LocalizedText? Prompt { get; init; }

    public override IEnumerable<StepTransition> Transitions() => [];

    public override IEnumerable<StepPrompt> Prompts() => [new("prompt", Prompt)];

    public override ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Flow.Kind == FlowKind.Sms)
        {
            if (Prompt is not null)
            {
                context.SmsReplies.Add(context.Text(Prompt));
            }
        }
        else
        {
            context.Say(Prompt);
            context.Voice.Hangup();
        }

        return ValueTask.FromResult(StepOutcome.End("hangup"));
    }
}
