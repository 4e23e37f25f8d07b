using CallCenter.Core.Common;
using CallCenter.Core.Interactions;

namespace CallCenter.Core.Messaging;

/// <summary>Messages and their status histories. No scope checks here: callers apply PatientAccess.</summary>
public interface IMessageRepository
{
    /// <summary>
    /// Inserts the message, its first event and (when given) its timeline entry, all or nothing. False, with
    /// nothing written, when a message with this MessageSid exists.
    /// </summary>
    Task<bool> CreateAsync(Message message, MessageEvent firstEvent, Interaction? timelineEntry, CancellationToken cancellationToken = default);

    /// <summary>Inserts the message unless one with its MessageSid exists (then false).</summary>
    Task<bool> TryInsertAsync(Message message, CancellationToken cancellationToken = default);

    Task<Message?> FindBySidAsync(string messageSid, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<MessageEvent>> EventsAsync(Guid messageId, CancellationToken cancellationToken = default);

    /// <summary>Records one status event and moves the message forward if it is further along.</summary>
    Task<WebhookOutcome> ApplyAsync(MessageEvent statusEvent, int statusRank, string? idempotencyToken, CancellationToken cancellationToken = default);
}
