using Ivr.Flows.Execution;

namespace Ivr.Flows.Sms;

/// <summary>
/// Runs before any step of an SMS flow, so no flow edit can break it: opt-out keywords withdraw SMS consent at once
/// and confirm; START and UNSTOP restore it; HELP and INFO answer the help text. YES restores consent too, but when
/// a hub message awaits an answer (an appointment reminder) YES is that answer, so the flow goes on to read it.
/// CANCEL is an opt-out keyword to the carrier (it stops messages to the number whatever the hub does), so it always
/// withdraws consent; when an appointment or offer awaits an answer it is also that answer ("cancel"), so the flow
/// goes on to cancel the appointment rather than leave the patient booked for a visit they called off.
/// </summary>
internal static class SmsKeywordHandler
{
    /// <summary>True when the keyword was the whole answer (the flow does not run for this message).</summary>
    public static async Task<bool> HandleAsync(StepContext context, CancellationToken cancellationToken)
    {
        var body = context.Input?.Body;
        var phone = context.Session.Get(FlowVariables.From).AsText();
        var kind = SmsKeywords.Classify(body, out var keyword);
        if (kind == SmsKeyword.None || string.IsNullOrEmpty(phone))
        {
            return false;
        }

        var inbox = context.Services.SmsInbox;
        switch (kind)
        {
            case SmsKeyword.OptOut:
                await inbox.SetSmsConsentAsync(phone, granted: false, keyword, cancellationToken);
                if (keyword == "CANCEL" && await inbox.PendingReplyAsync(phone, cancellationToken) is not null)
                {
                    context.Trace("opt-out", keyword);
                    return false;
                }

                context.SmsReplies.Add(context.Text(context.Flow.OptOutText));
                context.Trace("opt-out", keyword);
                context.Session.Ended = true;
                return true;
            case SmsKeyword.OptIn:
                await inbox.SetSmsConsentAsync(phone, granted: true, keyword, cancellationToken);
                context.Trace("opt-in", keyword);
                if (keyword == "YES" && await inbox.PendingReplyAsync(phone, cancellationToken) is not null)
                {
                    return false;
                }

                context.SmsReplies.Add(context.Text(context.Flow.OptInText));
                return true;
            default:
                context.SmsReplies.Add(context.Text(context.Flow.HelpText));
                context.Trace("help", keyword);
                return true;
        }
    }
}
