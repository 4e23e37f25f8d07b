using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Services;

namespace Ivr.Flows.Steps;

/// <summary>
/// Hands the text to agents: opens a conversation (or adds to the open one), answers once with
/// <see cref="Prompt"/>, then stays here so the patient's next texts join the same conversation without more
/// automatic replies. <code>{"type": "conversation", "reason": "patient-message", "prompt": {...}}</code>
/// </summary>
[FlowStepType("conversation", Kinds = [FlowKind.Sms])]
public sealed class ConversationStep : FlowStep
{
    /// <summary>Why the conversation was opened, shown to agents (e.g. patient-message, unreadable-reply).</summary>
    public string Reason { get; init; } = "patient-message";

    public LocalizedText? Prompt { get; init; }

    protected override bool Waits => true;

    public override IEnumerable<StepTransition> Transitions() => [];

    public override IEnumerable<StepPrompt> Prompts() => [new("prompt", Prompt)];

    public override async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await AddAsync(context, cancellationToken);
        context.SmsReplies.Add(context.Text(Prompt));
        return StepOutcome.Wait("conversation");
    }

    public override async ValueTask<StepOutcome> ResumeAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await AddAsync(context, cancellationToken);
        return StepOutcome.Wait("conversation");
    }

    private async Task AddAsync(StepContext context, CancellationToken cancellationToken)
    {
        var phone = CallFacts.From(context);
        var patient = CallFacts.PatientId(context);
        var sid = context.Get(FlowVariables.SmsSid).AsText() is { Length: > 0 } messageSid ? messageSid : context.Session.Key;
        await context.Services.SmsInbox.OpenConversationAsync(new ConversationMessage(phone, patient, sid, Reason), cancellationToken);
        context.Trace("conversation", Reason);
    }
}
