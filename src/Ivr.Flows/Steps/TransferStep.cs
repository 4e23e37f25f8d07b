using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;
using Twilio.Protocol.TwiML;

namespace Ivr.Flows.Steps;

/// <summary>
/// Transfers the caller to an outside number (a ward, the switchboard). When the other side answers, the IVR's part
/// of the call is over; when it is busy, does not answer or fails, the flow takes <see cref="Failed"/>.
/// <code>
/// {"type": "transfer", "prompt": {...}, "number": "+861058001234", "timeout": 30, "failed": "voicemail"}
/// </code>
/// </summary>
[FlowStepType("transfer", Kinds = [FlowKind.Voice])]
public sealed class TransferStep : FlowStep
{
    private static readonly HashSet<string> Connected = new(StringComparer.OrdinalIgnoreCase) { "completed", "answered" };
    private static readonly HashSet<string> NotConnected = new(StringComparer.OrdinalIgnoreCase) { "busy", "no-answer", "failed", "canceled" };

    /// <summary>Said before dialling ("please hold while we connect you").</summary>
    public LocalizedText? Prompt { get; init; }

    /// <summary>The E.164 number to dial.</summary>
    public string? Number { get; init; }

    /// <summary>The number the other side sees (E.164, one of the hub's numbers); the caller's number when absent.</summary>
    public string? CallerId { get; init; }

    /// <summary>Seconds to let it ring (5-60, default 30).</summary>
    public int Timeout { get; init; } = 30;

    /// <summary>Where to go when nobody answers; the call ends when absent.</summary>
    public string? Failed { get; init; }

    protected override bool Waits => true;

    public override IEnumerable<StepTransition> Transitions() => [new("failed", Failed)];

    public override IEnumerable<StepPrompt> Prompts() => [new("prompt", Prompt)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Required("number", Number))
        {
            StepChecks.E164(context, "number", Number);
        }

        StepChecks.E164(context, "callerId", CallerId);
        context.Range("timeout", Timeout, 5, 60);
    }

    public override ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Say(Prompt);
        context.Voice.Dial(new Dial
        {
            Action = context.ActionUrl(FlowEvent.Dialed),
            CallerId = CallerId,
            Timeout = Timeout,
            AnswerOnBridge = true,
        }.Number(Number!));
        context.Trace("dial", "transfer");
        return ValueTask.FromResult(StepOutcome.Wait("dial"));
    }

    public override ValueTask<StepOutcome> ResumeAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.Input?.DialCallStatus?.Trim() ?? string.Empty;
        if (Connected.Contains(status))
        {
            context.Trace("dialed", status.ToLowerInvariant());
            return ValueTask.FromResult(StepOutcome.End("transferred"));
        }

        // Anything else, garbage included, means the caller is still with us and nobody took the call.
        var reason = NotConnected.Contains(status) ? status.ToLowerInvariant() : "unknown";
        context.Trace("dialed", reason);
        return ValueTask.FromResult(StepOutcome.Next(Failed, reason));
    }
}
