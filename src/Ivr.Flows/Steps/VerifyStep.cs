using System.Globalization;
using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Validation;
using Ivr.Flows.Values;
using Twilio.Protocol.TwiML;

namespace Ivr.Flows.Steps;

/// <summary>
/// Proves who the caller is, with two keypad answers: the identifier named by <c>method</c> (the medical record
/// number, ended by #) and then the date of birth (8 digits, YYYYMMDD). Caller ID plays no part: a recognised
/// number proves nothing. On success the session is verified for that patient (<see cref="FlowSession.VerifiedPatientId"/>,
/// which only this step sets), <c>patient.verified</c> is true and the <c>patient.*</c> variables name the patient;
/// steps that disclose or change patient data run only then. A caller already verified in this call passes straight
/// through. A wrong pair counts as a retry (both questions are asked again); too many failures for the calling number
/// or the patient (counted by the hub over time) go to <c>fallback</c> at once. What the caller typed is never kept:
/// not in the trace, not in any variable.
/// <code>{"type": "verify", "method": "mrn", "prompt": {...}, "birthDatePrompt": {...}, "invalidPrompt": {...},
///   "retries": 2, "verified": "appointments", "fallback": "agent"}</code>
/// </summary>
[FlowStepType("verify")]
public sealed class VerifyStep : KeypadStep
{
    private static readonly LocalizedText DefaultBirthDatePrompt = new()
    {
        ["zh-CN"] = "请输入您的出生日期，共8位数字，例如1980年1月15日请输入19800115。",
        ["en-US"] = "Please enter your date of birth as 8 digits: year, month and day. For the 15th of January 1980, enter 19800115.",
    };

    public VerificationMethod Method { get; init; } = VerificationMethod.Mrn;

    /// <summary>The second question, the date of birth; a built-in sentence per language when absent.</summary>
    public LocalizedText? BirthDatePrompt { get; init; }

    public string? Verified { get; init; }

    public override IEnumerable<StepTransition> Transitions() => [new("verified", Verified), new("fallback", Fallback)];

    public override IEnumerable<StepPrompt> Prompts() => [.. base.Prompts(), new("birthDatePrompt", BirthDatePrompt)];

    public override void Validate(StepValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        base.Validate(context);
        context.Required("verified", Verified);
        context.Required("fallback", Fallback);
        if (!Enum.IsDefined(Method))
        {
            context.Error("method", "must be mrn (the date of birth is always asked second).");
        }
    }

    public override ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Session.PendingVerification = null;
        if (context.Session.VerifiedPatientId is { } verified)
        {
            // Back from a menu: the caller proved who they are once in this call; patient.id is theirs again.
            context.Set(FlowVariables.PatientId, FlowValue.From(verified.ToString()));
            context.Trace("verify", "already verified");
            return ValueTask.FromResult(StepOutcome.Next(Verified, "verified"));
        }

        return ValueTask.FromResult(Ask(context));
    }

    public override async ValueTask<StepOutcome> ResumeAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var answer = Answer(context, out var garbage)?.TrimEnd('#');
        if (string.IsNullOrEmpty(answer))
        {
            return Retry(context, invalid: garbage || answer is not null);
        }

        var attempt = new VerificationAttempt(context.Get(FlowVariables.CallSid).AsText() ?? string.Empty, context.Get(FlowVariables.From).AsText());
        return context.Session.PendingVerification is { } pending
            ? await CheckBirthDateAsync(context, attempt, pending, answer, cancellationToken)
            : await CheckIdentifierAsync(context, attempt, answer, cancellationToken);
    }

    protected override LocalizedText? CurrentPrompt(StepContext context) =>
        context.Session.PendingVerification is null ? Prompt : BirthDatePrompt ?? DefaultBirthDatePrompt;

    // A date of birth is always 8 digits, so the eighth ends the input; an MRN's length varies and # ends it.
    protected override Gather Listen(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var birthDate = context.Session.PendingVerification is not null;
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

    private async ValueTask<StepOutcome> CheckIdentifierAsync(StepContext context, VerificationAttempt attempt, string answer, CancellationToken cancellationToken)
    {
        if (answer.Length > MaxDigits || !answer.All(char.IsAsciiDigit))
        {
            context.Trace("verify", "not verified: malformed");
            context.Report(new VerificationFailed(Id, Method, Malformed: true));
            return Retry(context, invalid: true);
        }

        var check = await context.Services.Patients.CheckIdentifierAsync(attempt, Method, answer, cancellationToken);
        if (check.LockedOut)
        {
            return LockedOut(context);
        }

        // Asked the date of birth whether or not the identifier named anyone: the caller learns nothing from it.
        context.Session.PendingVerification = new PendingVerification(check.Candidate);
        return Ask(context);
    }

    private async ValueTask<StepOutcome> CheckBirthDateAsync(
        StepContext context, VerificationAttempt attempt, PendingVerification pending, string answer, CancellationToken cancellationToken)
    {
        context.Session.PendingVerification = null;
        if (!(answer.Length == 8 && answer.All(char.IsAsciiDigit)
            && DateOnly.TryParseExact(answer, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            context.Trace("verify", "not verified: malformed");
            context.Report(new VerificationFailed(Id, Method, Malformed: true));
            return Retry(context, invalid: true);
        }

        var result = await context.Services.Patients.VerifyBirthDateAsync(attempt, pending.Candidate, answer, cancellationToken);
        if (result.LockedOut)
        {
            return LockedOut(context);
        }

        if (!result.Verified || result.Patient is null)
        {
            context.Trace("verify", "not verified");
            context.Report(new VerificationFailed(Id, Method, Malformed: false));
            return Retry(context, invalid: true);
        }

        PatientVariables.Apply(context, result.Patient);
        context.Session.VerifiedPatientId = result.Patient.PatientId;
        context.Set(FlowVariables.PatientVerified, FlowValue.True);
        context.Trace("verify", "verified");
        context.Report(new CallerVerified(Id, Method));
        return StepOutcome.Next(Verified, "verified");
    }

    private StepOutcome LockedOut(StepContext context)
    {
        context.Session.PendingVerification = null;
        context.Trace("verify", "refused: too many failed attempts");
        context.Report(new VerificationFailed(Id, Method, Malformed: false, LockedOut: true));
        return StepOutcome.Next(Fallback, "locked-out");
    }
}
