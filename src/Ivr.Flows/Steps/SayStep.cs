using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;

namespace Ivr.Flows.Steps;

/// <summary>
/// Speaks a prompt in the caller's language (or plays a recording), then goes on. In an SMS flow it sends the text
/// as a reply. <c>{"type": "say", "prompt": {"zh-CN": "您好", "en-US": "Hello"}, "next": "menu"}</c>
/// </summary>
[FlowStepType("say")]
public sealed class SayStep : FlowStep
{
    public LocalizedText? Prompt { get; init; }

    /// <summary>A recording to play instead of (or after) the spoken prompt: an absolute https URL.</summary>
    public string? Play { get; init; }

    /// <summary>A voice other than the language's default (e.g. Polly.Zhiyu).</summary>
    public string? Voice { get; init; }

    /// <summary>How many times to repeat (1-10).</summary>
    public int? Loop { get; init; }

    /// <summary>The next step; the flow ends after this step when absent.</summary>
    public string? Next { get; init; }

    public override IEnumerable<StepTransition> Transitions() => [new("next", Next)];

    public override IEnumerable<StepPrompt> Prompts() => [new("prompt", Prompt)];

    public override void Validate(StepValidationContext context)
    {
        if (Prompt is null && Play is null)
        {
            context.Error("prompt", "a say step needs a prompt or a play URL.");
        }

        if (Play is not null && !(Uri.TryCreate(Play, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            context.Error("play", $"'{Play}' is not an absolute http(s) URL.");
        }

        context.Range("loop", Loop, 1, 10);
    }

    public override ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Flow.Kind == FlowKind.Sms)
        {
            context.SmsReplies.Add(context.Text(Prompt));
            return ValueTask.FromResult(StepOutcome.Next(Next));
        }

        context.Say(Prompt, Voice, Loop);
        if (Play is not null)
        {
            context.Voice.Play(Play, Loop);
        }

        return ValueTask.FromResult(StepOutcome.Next(Next));
    }
}
