namespace CallCenter.Core.Surveys;

/// <summary>
/// Keypad surveys on a call: the same invitations and answers as SMS surveys (so results and service recovery see
/// them alike), with an invitation that starts at its first question a keypad can answer and no SMS reply awaited.
/// </summary>
public interface IKeypadSurveyRepository
{
    /// <summary>
    /// Adds the invitation (its pending SMS reply closed at once) unless the patient already has a survey due after
    /// <paramref name="since"/> or one exists for the same source; false then.
    /// </summary>
    Task<bool> TryAddAsync(SurveyInvitation invitation, DateTime since, CancellationToken cancellationToken = default);

    Task<SurveyInvitation?> FindAsync(Guid invitationId, CancellationToken cancellationToken = default);

    Task<SurveyInvitation?> FindBySourceAsync(string sourceKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the answer and moves the invitation from the answer's question to <paramref name="nextQuestion"/> (completing it
    /// when <paramref name="last"/>); false, changing nothing, when that question was already answered.
    /// </summary>
    Task<bool> AnswerAsync(SurveyAnswerRecord answer, int nextQuestion, bool last, CancellationToken cancellationToken = default);
}
