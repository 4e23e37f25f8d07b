namespace CallCenter.Core.Conversations;

/// <summary>Hub messages awaiting a reply, and the survey answers given to them.</summary>
public interface ISmsReplyRepository
{
    Task AddPendingAsync(SmsPendingReply reply, CancellationToken cancellationToken = default);

    /// <summary>
    /// The most recently sent reply to this phone that is open at <paramref name="now"/>: sent (a reminder's reply opens
    /// when the reminder is due), neither closed nor expired.
    /// </summary>
    Task<SmsPendingReply?> FindOpenAsync(string phone, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>The latest waitlist offer to this phone that lapsed (or was taken) unanswered after <paramref name="since"/>.</summary>
    Task<SmsPendingReply?> FindLapsedOfferAsync(string phone, DateTime now, DateTime since, CancellationToken cancellationToken = default);

    Task<SmsPendingReply?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Closes an open reply; false when it was already closed (or does not exist).</summary>
    Task<bool> CloseAsync(Guid id, string outcome, DateTime at, CancellationToken cancellationToken = default);

    /// <summary>Stores the answer unless one exists for its message; false then.</summary>
    Task<bool> AddSurveyAnswerAsync(SurveyAnswerRow answer, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SurveyAnswerRow>> SurveyAnswersAsync(Guid pendingReplyId, CancellationToken cancellationToken = default);
}
