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
