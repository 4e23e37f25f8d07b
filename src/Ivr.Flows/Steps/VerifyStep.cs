using System.Globalization;
using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;
using Twilio.Protocol.TwiML;

namespace Ivr.Flows.Steps;

/// <summary>
/// Proves who the caller is: asks for the MRN or the date of birth (keypad YYYYMMDD, e.g. 19800115, then #) and checks
/// it against the recognised patient (an MRN alone also identifies an unknown caller). On success sets
/// <c>patient.verified</c> and the <c>patient.*</c> variables; a wrong answer counts as a retry. What the caller typed is
/// never kept: not in the trace, not in any variable.
/// <code>{"type": "verify", "method": "birth-date", "prompt": {...}, "invalidPrompt": {...}, "retries": 2,
///   "verified": "appointments", "fallback": "agent"}</code>
/// </summary>
[FlowStepType("verify")]
public sealed class VerifyStep : KeypadStep
{
    public VerificationMethod Method { get; init; } = VerificationMethod.Mrn;

    public string? Verified { get; init; }

    public override IEnumerable<StepTransition> Transitions() => [new("verified", Verified), new("fallback", Fallback)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        base.Validate(context);
        context.Required("verified", Verified);
        if (!Enum.IsDefined(Method))
        {
            context.Error("method", "must be mrn or birth-date.");
        }
    }

    public override async ValueTask<StepOutcome> ResumeAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = Answer(context, out var garbage)?.TrimEnd('#');
        if (string.IsNullOrEmpty(answer))
        {
            return Retry(context, invalid: garbage || answer is not null);
        }

        if (!IsWellFormed(answer))
        {
            context.Trace("verify", "not verified: malformed");
            context.Report(new VerificationFailed(Id, Method, Malformed: true));
            return Retry(context, invalid: true);
        }

        var patientId = context.Get(FlowVariables.CallerKnown).AsBoolean() ? PatientVariables.PatientId(context) : null;
        var result = await context.Services.Patients.VerifyAsync(patientId, Method, answer, cancellationToken);
        if (!result.Verified || result.Patient is null)
        {
            context.Trace("verify", "not verified");
            context.Report(new VerificationFailed(Id, Method, Malformed: false));
            return Retry(context, invalid: true);
        }

        PatientVariables.Apply(context, result.Patient);
        context.Set(FlowVariables.PatientVerified, FlowValue.True);
        context.Trace("verify", "verified");
        context.Report(new CallerVerified(Id, Method));
        return StepOutcome.Next(Verified, "verified");
    }

    // A date of birth is always 8 digits, so the eighth ends the input; an MRN's length varies and # ends it.
    protected override Gather Listen(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var birthDate = Method == VerificationMethod.BirthDate;
        return new Gather
        {
            Input = GatherInput.Dtmf,
            Timeout = Timeout,
            NumDigits = birthDate ? 8 : null,
            FinishOnKey = birthDate ? null : "#",
            Action = context.ActionUrl(FlowEvent.Gathered),
            ActionOnEmptyResult = true,
        };
    }

    private bool IsWellFormed(string answer) => Method switch
    {
        VerificationMethod.BirthDate => answer.Length == 8 && answer.All(char.IsAsciiDigit)
            && DateOnly.TryParseExact(answer, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => answer.Length is >= 1 and <= MaxDigits && answer.All(char.IsAsciiDigit),
    };
}
