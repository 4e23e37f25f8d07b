namespace CallCenter.Core.Conversations;

/// <summary>SMS conversations agents answer.</summary>
public interface IConversationRepository
{
    /// <summary>
    /// Adds the message to the phone's open conversation, opening one (with <see cref="Conversation.Reason"/>)
    /// when there is none. A message already added changes nothing. Returns the conversation's ID.
    /// </summary>
    Task<Guid> AddMessageAsync(Conversation candidate, string messageSid, Guid messageRowId, DateTime receivedAt, CancellationToken cancellationToken = default);

    Task<Conversation?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> MessageSidsAsync(Guid conversationId, CancellationToken cancellationToken = default);
}
