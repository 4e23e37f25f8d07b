namespace CallCenter.Core.Messaging;

/// <summary>An SMS the carrier received for the hub or sent for it, with its current status.</summary>
public sealed record Message
{
    public required Guid Id { get; init; }
    public required string MessageSid { get; init; }
    public required string AccountSid { get; init; }

    /// <summary>inbound, or the carrier's outbound direction (outbound-api, ...).</summary>
    public required string Direction { get; init; }

    public required string FromNumber { get; init; }
    public required string ToNumber { get; init; }

    /// <summary>The patient identified by the sender's number; null when none or several share it.</summary>
    public Guid? PatientId { get; init; }

    /// <summary>The text. Personal data: shown to agents in scope, never logged.</summary>
    public string? Body { get; init; }

    public int? NumSegments { get; init; }
    public required string Status { get; init; }
    public required int StatusRank { get; init; }
    public int? ErrorCode { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
}

/// <summary>One status event in a message's history.</summary>
public sealed record MessageEvent
{
    public required Guid Id { get; init; }
    public required Guid MessageId { get; init; }
    public required string Status { get; init; }
    public int? ErrorCode { get; init; }
    public required DateTime ReceivedAt { get; init; }
}

/// <summary>A message with its status history, oldest first.</summary>
public sealed record MessageDetails(Message Message, IReadOnlyList<MessageEvent> Events);

/// <summary>An SMS the carrier delivered to the hub.</summary>
public sealed record IncomingSms
{
    public required string MessageSid { get; init; }
    public required string AccountSid { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public string Body { get; init; } = string.Empty;
    public int? NumSegments { get; init; }
}

/// <summary>A message status callback.</summary>
public sealed record MessageStatusUpdate
{
    public required string MessageSid { get; init; }
    public required string AccountSid { get; init; }
    public required MessageState State { get; init; }
    public int? ErrorCode { get; init; }

    /// <summary>The same on every retry of one webhook; null when the carrier sent none.</summary>
    public string? IdempotencyToken { get; init; }

    /// <summary>Used only when this callback is the first the hub hears of the message.</summary>
    public string? From { get; init; }

    public string? To { get; init; }
}

/// <summary>The recorded message, whether this request created it, and the patient found by the sender's number.</summary>
public sealed record IncomingSmsResult(Guid MessageId, Guid? PatientId, bool Created);
