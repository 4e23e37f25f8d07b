using System.Data.Common;

namespace CallCenter.Core.Surveys;

/// <summary>Invitations and their dialogue. Writes take the caller's transaction: they belong to the change that causes them.</summary>
public interface ISurveyInvitationRepository
{
    /// <summary>
    /// Adds the invitation and its pending reply unless the patient already has an invitation due after
    /// <paramref name="since"/> (one survey per patient per period) or one exists for the same source; false then.
    /// </summary>
    Task<bool> TryAddAsync(SurveyInvitation invitation, DateTime since, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a questionnaire an agent filled in on a call: a completed invitation (whose pending reply is closed at
    /// once) and its answers, in one transaction.
    /// </summary>
    Task RecordAgentAnswersAsync(SurveyInvitation invitation, IReadOnlyList<SurveyAnswerRecord> answers, CancellationToken cancellationToken = default);

    /// <summary>The patient's mobile (the primary one first) and preferred language; null when the patient has no mobile.</summary>
    Task<(string Phone, string? Language)?> FindContactAsync(Guid patientId, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken);

    Task<SurveyInvitation?> FindByPendingReplyAsync(Guid pendingReplyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the answer and moves the invitation on from <paramref name="answer"/>'s question (completing it, and closing
    /// its pending reply, after the last); false, changing nothing, when that question was already answered.
    /// </summary>
    Task<bool> AnswerAsync(SurveyAnswerRecord answer, bool last, CancellationToken cancellationToken = default);

    /// <summary>Notes that the question was asked again; false when it already was (or was answered meanwhile).</summary>
    Task<bool> MarkReaskedAsync(Guid invitationId, int questionIndex, CancellationToken cancellationToken = default);

    /// <summary>The latest invitation's reply to this phone that expired unanswered after <paramref name="since"/>.</summary>
    Task<Guid?> FindLapsedReplyAsync(string phone, DateTime now, DateTime since, CancellationToken cancellationToken = default);

    /// <summary>Closes the pending reply of a lapsed invitation, so only the first late reply is told the survey closed.</summary>
    Task<bool> CloseLapsedAsync(Guid pendingReplyId, DateTime at, CancellationToken cancellationToken = default);
}
