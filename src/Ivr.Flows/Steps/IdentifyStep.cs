using Ivr.Flows.Execution;
using Ivr.Flows.Languages;
using Ivr.Flows.Model;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;

namespace Ivr.Flows.Steps;

/// <summary>
/// Recognises the caller by caller ID (<c>call.from</c>): when exactly one patient has the number, sets
/// <c>caller.known</c>, <c>patient.id</c> and <c>patient.tags</c> (and <c>patient.name</c>, <c>patient.givenName</c>
/// only when the directory gives names before verification: the hub does not unless configured to), and, unless the
/// caller already chose a language (<c>language.chosen</c>), speaks the patient's language if the flow does.
/// Recognition is not proof of identity: caller ID is easily forged, and steps that disclose or change patient data
/// refuse to run until a <c>verify</c> step has passed.
/// <code>{"type": "identify", "known": "greet-known", "unknown": "greet"}</code>
/// </summary>
[FlowStepType("identify")]
public sealed class IdentifyStep : FlowStep
{
    public string? Known { get; init; }

    public string? Unknown { get; init; }

    public override IEnumerable<StepTransition> Transitions() => [new("known", Known), new("unknown", Unknown)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Required("known", Known);
        context.Required("unknown", Unknown);
    }

    public override async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var from = context.Get(FlowVariables.From).AsText();
        var patient = string.IsNullOrWhiteSpace(from) ? null : await context.Services.Patients.FindByPhoneAsync(from, cancellationToken);
        if (patient is null)
        {
            context.Set(FlowVariables.CallerKnown, FlowValue.False);
            context.Trace("identify", "unknown");
            return StepOutcome.Next(Unknown, "unknown");
        }

        PatientVariables.Apply(context, patient);
        var detail = "known";
        if (!context.Get(FlowVariables.LanguageChosen).AsBoolean()
            && IvrLanguage.TryParse(patient.Language, out var language, out _)
            && context.Flow.Languages.Contains(language.Tag, StringComparer.Ordinal))
        {
            context.Session.Language = language.Tag;
            context.Set(FlowVariables.Language, FlowValue.From(language.Tag));
            detail = $"known; language {language.Tag}";
        }

        context.Trace("identify", detail);
        return StepOutcome.Next(Known, "known");
    }
}
