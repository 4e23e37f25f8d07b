using CallCenter.Core.Accounts;
using CallCenter.Core.Common;
using CallCenter.Core.Conversations;
using CallCenter.Core.Messaging;
using CallCenter.Core.Patients;
using CallCenter.Core.Reminders;
using CallCenter.Core.Surveys;
using Ivr.Flows.Services;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Ivr.Ports;

/// <summary>What the SMS flow does with a patient's text, over the consent history, pending replies and conversations.</summary>
internal sealed class SmsInbox(
    IPatientRepository patients,
    PatientConsentService consents,
    ISmsReplyRepository replies,
    IConversationRepository conversations,
    IRecipientSuppressions suppressions,
    TimeProvider time,
    IOptions<ReminderOptions> reminders,
    IEnumerable<IConversationMessageListener> listeners,
    SurveyDialogue surveys,
    ISurveyInvitationRepository invitations,
    IOptions<SurveyOptions> surveyOptions) : ISmsInbox
{
    /// <summary>
    /// Records the change for every patient with the number: a STOP from a shared family phone stops messages
    /// to all of them, as the carrier would. The number itself is suppressed too (lifted by START), so a STOP from a
    /// number that belongs to no patient is kept as well.
    /// </summary>
    public async Task SetSmsConsentAsync(string phoneE164, bool granted, string keyword, CancellationToken cancellationToken)
    {
        if (granted)
        {
            await suppressions.LiftAsync(ConsentChannels.Sms, phoneE164, cancellationToken);
        }
        else
        {
            await suppressions.SuppressAsync(ConsentChannels.Sms, phoneE164, "keyword " + (keyword ?? string.Empty).Trim().ToUpperInvariant(), cancellationToken);
        }

        var note = $"keyword {keyword?.Trim().ToUpperInvariant()}";
        var input = new ConsentInput(ConsentChannels.Sms, granted, ConsentMethods.SmsKeyword, Note: note.Length > PatientConsentService.MaxNoteLength ? note[..PatientConsentService.MaxNoteLength] : note);
        foreach (var patient in await patients.FindByPhoneAsync(phoneE164, cancellationToken))
        {
            await consents.AddAsync(Actor.Ivr, patient.Id, input, cancellationToken);
        }
    }

    /// <summary>
    /// The open reply; else a waitlist offer that lapsed or was taken in the last hours, so that a late "1" is told so
    /// (the offer service answers "expired" or "taken") instead of reaching an agent as a puzzle; else a survey that
    /// closed unanswered in the last <see cref="SurveyOptions.LateReplyHours"/>, so a late answer is told it closed.
    /// </summary>
    public async Task<PendingReply?> PendingReplyAsync(string phoneE164, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var open = await replies.FindOpenAsync(phoneE164, now, cancellationToken)
            ?? await replies.FindLapsedOfferAsync(phoneE164, now, now.AddHours(-reminders.Value.LapsedOfferAnswerHours), cancellationToken)
            ?? await LapsedSurveyAsync(phoneE164, now, cancellationToken);
        return open is null
            ? null
            : new PendingReply(open.Id, open.Purpose, open.PatientId, open.AppointmentId, open.SurveyId, new DateTimeOffset(DateTime.SpecifyKind(open.SentAt, DateTimeKind.Utc)));
    }

    public Task StoreSurveyAnswerAsync(SurveyAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return replies.AddSurveyAnswerAsync(
            new SurveyAnswerRow
            {
                Id = Ids.New(time),
                PendingReplyId = answer.PendingReplyId,
                SurveyId = answer.SurveyId,
                PatientId = answer.PatientId,
                Phone = answer.PhoneE164,
                MessageSid = answer.MessageSid,
                AnswerText = answer.Text.Length > 1600 ? answer.Text[..1600] : answer.Text,
                Score = answer.Score,
                ReceivedAt = time.GetUtcNow().UtcDateTime,
            },
            cancellationToken);
    }

    /// <summary>The hub's surveys answer question by question (<see cref="SurveyDialogue"/>); a reply no invitation owns is stored as before.</summary>
    public async Task<SurveyTurn> AnswerSurveyAsync(SurveyAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (await surveys.AnswerAsync(answer.PendingReplyId, answer.MessageSid, answer.Text, cancellationToken) is { } result)
        {
            return new SurveyTurn(result.Outcome, result.Reply, result.Unmatched);
        }

        await StoreSurveyAnswerAsync(answer, cancellationToken);
        await CloseReplyAsync(answer.PendingReplyId, "answered", cancellationToken);
        return new SurveyTurn("survey-answer", null);
    }

    private async Task<SmsPendingReply?> LapsedSurveyAsync(string phoneE164, DateTime now, CancellationToken cancellationToken) =>
        await invitations.FindLapsedReplyAsync(phoneE164, now, now.AddHours(-surveyOptions.Value.LateReplyHours), cancellationToken) is { } id
            ? await replies.FindAsync(id, cancellationToken)
            : null;

    public Task CloseReplyAsync(Guid pendingReplyId, string outcome, CancellationToken cancellationToken) =>
        replies.CloseAsync(pendingReplyId, outcome, time.GetUtcNow().UtcDateTime, cancellationToken);

    public async Task<Guid> OpenConversationAsync(ConversationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = time.GetUtcNow().UtcDateTime;
        var candidate = new Conversation
        {
            Id = Ids.New(time),
            Phone = message.PhoneE164,
            PatientId = message.PatientId,
            Status = ConversationStatuses.Open,
            OpenedAt = now,
            LastMessageAt = now,
            Reason = message.Reason.Length > 200 ? message.Reason[..200] : message.Reason,
        };
        var conversationId = await conversations.AddMessageAsync(candidate, message.MessageSid, Ids.New(time), now, cancellationToken);

        // Told once the text is stored: the host's desk routes a new conversation at once and passes a text in a held
        // one to its agent.
        foreach (var listener in listeners)
        {
            await listener.MessageAddedAsync(conversationId, message.MessageSid, cancellationToken);
        }

        return conversationId;
    }
}
