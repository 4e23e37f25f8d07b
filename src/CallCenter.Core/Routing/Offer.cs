namespace CallCenter.Core.Routing;

/// <summary>What an offer hands an agent: a waiting call (a queue entry) or an SMS conversation.</summary>
public enum WorkKind
{
    Call,
    Conversation,

    /// <summary>A callback request: on accept the hub calls the patient and connects them to the agent.</summary>
    Callback,
}

/// <summary>Where an offer stands. Only a ringing offer can change; the others are final.</summary>
public enum OfferStatus
{
    Ringing,
    Accepted,
    Declined,
    TimedOut,

    /// <summary>Taken back by the hub: the caller left, the agent's desk disconnected, a transfer was cancelled.</summary>
    Withdrawn,
}

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

/// <summary>Stored codes of <see cref="OfferStatus"/> and <see cref="WorkKind"/>.</summary>
public static class OfferCodes
{
    public static string ToCode(this OfferStatus status) => status switch
    {
        OfferStatus.Ringing => "ringing",
        OfferStatus.Accepted => "accepted",
        OfferStatus.Declined => "declined",
        OfferStatus.TimedOut => "timed-out",
        OfferStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown offer status."),
    };

    public static OfferStatus ParseStatus(string code) => code switch
    {
        "ringing" => OfferStatus.Ringing,
        "accepted" => OfferStatus.Accepted,
        "declined" => OfferStatus.Declined,
        "timed-out" => OfferStatus.TimedOut,
        "withdrawn" => OfferStatus.Withdrawn,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown offer status code."),
    };

    public static string ToCode(this WorkKind kind) => kind switch
    {
        WorkKind.Call => "call",
        WorkKind.Conversation => "conversation",
        WorkKind.Callback => "callback",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown work kind."),
    };

    public static WorkKind ParseKind(string code) => code switch
    {
        "call" => WorkKind.Call,
        "conversation" => WorkKind.Conversation,
        "callback" => WorkKind.Callback,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown work kind code."),
    };
}
