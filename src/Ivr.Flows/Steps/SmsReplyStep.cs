using Ivr.Flows.Execution;
using Ivr.Flows.Model;
using Ivr.Flows.Services;
using Ivr.Flows.Sms;

namespace Ivr.Flows.Steps;

/// <summary>
/// Applies a patient's text to the hub message awaiting it: a reply to an appointment message confirms or cancels
/// that appointment; a reply to a waitlist offer takes ("1") or declines ("2") the place, and is told when another
/// patient was first or the offer lapsed; a reply to a survey is the answer to its current question: the hub replies with the next question, asks again
/// when the answer cannot be read, or says the survey has closed; the last answer is thanked with surveyText. Anything else (no message awaits an answer, or the reply cannot be read) takes <see cref="Unmatched"/>,
/// usually to staff.
/// <code>{"type": "smsReply", "confirmedText": {...}, "cancelledText": {...}, "surveyText": {...}, "next": "done", "unmatched": "agent"}</code>
/// </summary>
[FlowStepType("smsReply", Kinds = [FlowKind.Sms])]
public sealed class SmsReplyStep : FlowStep
{
    public List<string>? ConfirmWords { get; init; }

    public List<string>? CancelWords { get; init; }

    public LocalizedText? ConfirmedText { get; init; }

    public LocalizedText? CancelledText { get; init; }

    /// <summary>Sent when the appointment could not be changed (already cancelled, in the past).</summary>
    public LocalizedText? FailedText { get; init; }

    public LocalizedText? SurveyText { get; init; }

    /// <summary>Sent when the patient took a waitlist offer: the place is booked.</summary>
    public LocalizedText? OfferAcceptedText { get; init; }

    public LocalizedText? OfferDeclinedText { get; init; }

    /// <summary>Sent when another patient took the offered place first.</summary>
    public LocalizedText? OfferTakenText { get; init; }

    public LocalizedText? OfferExpiredText { get; init; }

    public string? Next { get; init; }

    public string? Unmatched { get; init; }

    public override IEnumerable<StepTransition> Transitions() => [new("next", Next), new("unmatched", Unmatched)];

    public override IEnumerable<StepPrompt> Prompts() =>
        [
            new("confirmedText", ConfirmedText), new("cancelledText", CancelledText), new("failedText", FailedText), new("surveyText", SurveyText),
            new("offerAcceptedText", OfferAcceptedText), new("offerDeclinedText", OfferDeclinedText), new("offerTakenText", OfferTakenText),
            new("offerExpiredText", OfferExpiredText),
        ];

    public override async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var phone = context.Get(FlowVariables.From).AsText();
        var body = context.Get(FlowVariables.SmsBody).AsText();
        if (phone is null || await context.Services.SmsInbox.PendingReplyAsync(phone, cancellationToken) is not { } pending)
        {
            return StepOutcome.Next(Unmatched, "no-pending-reply");
        }

        return pending.Purpose switch
        {
            "appointment" => await AppointmentAsync(context, pending, body, cancellationToken),
            "survey" => await SurveyAsync(context, pending, phone, body, cancellationToken),
            "waitlist-offer" => await OfferAsync(context, pending, body, cancellationToken),
            _ => StepOutcome.Next(Unmatched, "unknown-purpose"),
        };
    }

    private async Task<StepOutcome> AppointmentAsync(StepContext context, PendingReply pending, string? body, CancellationToken cancellationToken)
    {
        var confirm = ReplyWords.Matches(body, ConfirmWords ?? ReplyWords.DefaultConfirm);
        var cancel = !confirm && ReplyWords.Matches(body, CancelWords ?? ReplyWords.DefaultCancel);
        if ((!confirm && !cancel) || pending.PatientId is not { } patientId || pending.AppointmentId is not { } appointmentId)
        {
            return StepOutcome.Next(Unmatched, "unreadable");
        }

        var appointments = context.Services.Appointments;
        var result = confirm
            ? await appointments.ConfirmAsync(patientId, appointmentId, cancellationToken)
            : await appointments.CancelAsync(patientId, appointmentId, cancellationToken);
        var outcome = !result.Succeeded ? "failed" : confirm ? "confirmed" : "cancelled";
        await context.Services.SmsInbox.CloseReplyAsync(pending.Id, outcome, cancellationToken);
        context.Trace(outcome, result.Reason);
        context.SmsReplies.Add(context.Text(!result.Succeeded ? FailedText : confirm ? ConfirmedText : CancelledText));
        return StepOutcome.Next(Next, outcome);
    }

    private async Task<StepOutcome> OfferAsync(StepContext context, PendingReply pending, string? body, CancellationToken cancellationToken)
    {
        var accept = ReplyWords.Matches(body, ConfirmWords ?? ReplyWords.DefaultConfirm);
        var decline = !accept && ReplyWords.Matches(body, CancelWords ?? ReplyWords.DefaultCancel);
        if (!accept && !decline)
        {
            return StepOutcome.Next(Unmatched, "unreadable");
        }

        // The hub closes the pending reply itself, with the answer it applied.
        var result = await context.Services.Appointments.AnswerOfferAsync(pending.Id, accept, cancellationToken);
        var outcome = result.Succeeded ? (accept ? "offer-accepted" : "offer-declined") : "offer-" + (result.Reason ?? "failed");
        var text = outcome switch
        {
            "offer-accepted" => OfferAcceptedText,
            "offer-declined" => OfferDeclinedText,
            "offer-taken" => OfferTakenText,
            _ => OfferExpiredText,
        };
        context.Trace(outcome, null);
        context.SmsReplies.Add(context.Text(text));
        return StepOutcome.Next(Next, outcome);
    }

    private async Task<StepOutcome> SurveyAsync(StepContext context, PendingReply pending, string phone, string? body, CancellationToken cancellationToken)
    {
        var text = body?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return StepOutcome.Next(Unmatched, "empty");
        }

        var sid = context.Get(FlowVariables.SmsSid).AsText() is { Length: > 0 } messageSid ? messageSid : context.Session.Key;
        var score = ReplyWords.Score(text);
        var turn = await context.Services.SmsInbox.AnswerSurveyAsync(
            new SurveyAnswer(pending.Id, pending.SurveyId, pending.PatientId, phone, sid, text, score), cancellationToken);
        if (turn.Unmatched)
        {
            return StepOutcome.Next(Unmatched, turn.Outcome);
        }

        context.Trace(turn.Outcome, score is null ? "text" : "score");
        context.SmsReplies.Add(turn.Reply ?? context.Text(SurveyText));
        return StepOutcome.Next(Next, turn.Outcome);
    }
}
