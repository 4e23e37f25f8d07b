namespace Ivr.Flows.Services;

/// <summary>What the SMS flow does with a patient's text: consent keywords, replies to hub messages, conversations.</summary>
public interface ISmsInbox
{
    /// <summary>Withdraws (<paramref name="granted"/> false) or restores SMS consent for the number, at once.</summary>
    Task SetSmsConsentAsync(string phoneE164, bool granted, string keyword, CancellationToken cancellationToken);

    /// <summary>The most recent hub message to this number that awaits a reply (an appointment reminder, a survey), if still open.</summary>
    Task<PendingReply?> PendingReplyAsync(string phoneE164, CancellationToken cancellationToken);

    /// <summary>Stores a survey answer (raw text and the score read from it); repeated for the same message it changes nothing.</summary>
    Task StoreSurveyAnswerAsync(SurveyAnswer answer, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a text to the survey awaiting it, question by question. The default stores it as the one answer and
    /// closes the reply (a survey of one question with no dialogue); the hub's surveys answer with the next question.
    /// </summary>
    async Task<SurveyTurn> AnswerSurveyAsync(SurveyAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await StoreSurveyAnswerAsync(answer, cancellationToken);
        await CloseReplyAsync(answer.PendingReplyId, "answered", cancellationToken);
        return new SurveyTurn("survey-answer", null);
    }

    /// <summary>Marks the pending reply as answered so a second reply is not applied twice.</summary>
    Task CloseReplyAsync(Guid pendingReplyId, string outcome, CancellationToken cancellationToken);

    /// <summary>Opens (or adds to) a conversation agents will answer; returns its id.</summary>
    Task<Guid> OpenConversationAsync(ConversationMessage message, CancellationToken cancellationToken);
}
