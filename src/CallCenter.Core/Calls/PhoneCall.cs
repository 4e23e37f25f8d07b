namespace CallCenter.Core.Calls;

/// <summary>A phone call the carrier told the hub about, with its current status.</summary>
public sealed record PhoneCall
{
    public required Guid Id { get; init; }
    public required string CallSid { get; init; }
    public required string AccountSid { get; init; }

    /// <summary>The carrier's direction: inbound, outbound-api, outbound-dial, ...</summary>
    public required string Direction { get; init; }

    public required string FromNumber { get; init; }
    public required string ToNumber { get; init; }

    /// <summary>The patient identified by caller ID; null when no patient or several share the number.</summary>
    public Guid? PatientId { get; init; }

    public required string Status { get; init; }
    public required int StatusRank { get; init; }
    public int? LastSequenceNumber { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public DateTime? AnsweredAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public int? DurationSeconds { get; init; }
}
