using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;

namespace Ivr.Flows.Steps;

/// <summary>
/// Sends an SMS to the caller (or to the number in a variable), e.g. the hospital's address or an appointment's
/// details, and goes on. A send refused by consent or the number does not stop the call: <c>sms.sent</c> says
/// whether it went. Works in voice and SMS flows.
/// <code>
/// {"type": "sendSms", "text": {"zh-CN": "您的预约：{appointment.time}", "en-US": "Your appointment: {appointment.time}"},
///  "purpose": "appointment", "next": "bye"}
/// </code>
/// </summary>
[FlowStepType("sendSms")]
public sealed class SendSmsStep : FlowStep
{
    public const string SentVariable = "sms.sent";

    public LocalizedText? Text { get; init; }

    /// <summary>The variable holding the number to text; <c>call.from</c> when absent.</summary>
    public string? To { get; init; }

    /// <summary>info (default), or appointment to tie replies to <c>appointment.id</c>.</summary>
    public SmsPurpose Purpose { get; init; } = SmsPurpose.Info;

    /// <summary>The next step; the flow ends after this step when absent.</summary>
    public string? Next { get; init; }

    public override IEnumerable<StepTransition> Transitions() => [new("next", Next)];

    public override IEnumerable<StepPrompt> Prompts() => [new("text", Text)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Text is null)
        {
            context.Error("text", "is required.");
        }

        if (To is not null && !VariableNames.IsValid(To))
        {
            context.Error("to", VariableNames.Rule);
        }
    }

    public override async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var number = context.Get(To ?? FlowVariables.From).AsText()?.Trim();
        var body = context.Text(Text);
        if (string.IsNullOrEmpty(number) || body.Length == 0)
        {
            context.Set(SentVariable, FlowValue.False);
            context.Trace("sms", string.IsNullOrEmpty(number) ? "not sent: no number" : "not sent: empty text");
            return StepOutcome.Next(Next, "not-sent");
        }

        var purpose = Purpose == SmsPurpose.Appointment ? "appointment" : "info";
        var result = await context.Services.Messenger.SendSmsAsync(
            new OutgoingSms(number, body, CallFacts.PatientId(context), purpose, Purpose == SmsPurpose.Appointment ? CallFacts.AppointmentId(context) : null, context.Get(FlowVariables.To).AsText()),
            cancellationToken);
        context.Set(SentVariable, FlowValue.From(result.Sent));
        context.Trace("sms", result.Sent ? $"sent ({purpose})" : $"not sent: {result.Reason ?? "refused"}");
        return StepOutcome.Next(Next, result.Sent ? "sent" : "not-sent");
    }
}
