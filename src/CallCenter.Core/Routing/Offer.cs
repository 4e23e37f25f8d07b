namespace CallCenter.Core.Routing;

/// <summary>
/// One offer of one piece of work to one agent. The database holds at most one ringing offer per piece of work
/// (a filtered unique index), so no call rings at two agents even with several hub processes routing.
/// </summary>
public sealed record Offer
{
    public required Guid Id { get; init; }
    public required WorkKind Kind { get; init; }
    public required string QueueName { get; init; }
    public required Guid AgentId { get; init; }

    /// <summary>Set for a call: the queue entry and its call.</summary>
    public Guid? QueueEntryId { get; init; }
    public string? CallSid { get; init; }

    /// <summary>Set for a callback request (<see cref="CallSid"/> is then the original call's).</summary>
    public Guid? CallbackRequestId { get; init; }

    /// <summary>Set for an SMS conversation.</summary>
    public Guid? ConversationId { get; init; }
    public Guid? PatientId { get; init; }
    public required string CallerNumber { get; init; }
    public required string Language { get; init; }

    /// <summary>When the work entered the line (the original place, kept across offers, transfers and callbacks).</summary>
    public required DateTime WaitingSince { get; init; }
    public required OfferStatus Status { get; init; }
    public required DateTime OfferedAt { get; init; }
    public required DateTime ExpiresAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public string? EndReason { get; init; }

    /// <summary>Set when an agent transferred the call to this agent by name.</summary>
    public Guid? TransferredBy { get; init; }
    public string? TransferNote { get; init; }
}
