using CallCenter.Core.Desk.Voice;

namespace CallCenter.Core.Desk.Data;

/// <summary>
/// The work an agent holds: a call or an SMS conversation from the offer they accepted until it ends (a row of
/// <c>desk_work</c>). For a call, the same row carries the voice path's state (<see cref="DeskCallRow"/> is the voice
/// path's view of it); <see cref="CallStatus"/> alone says whether the caller is on hold.
/// </summary>
public sealed record DeskWork
{
    public required Guid OfferId { get; init; }
    public required Guid AgentId { get; init; }
    public required string Kind { get; init; }
    public string? CallSid { get; init; }
    public Guid? ConversationId { get; init; }
    public required string QueueName { get; init; }
    public Guid? PatientId { get; init; }
    public required DateTime AcceptedAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public string? EndReason { get; init; }

    /// <summary>The voice path's status of this offer's call (<see cref="DeskCallStatuses"/>); null for a conversation or before the voice path starts.</summary>
    public string? CallStatus { get; init; }

    public bool OnHold => CallStatus == DeskCallStatuses.OnHold;
}
