namespace CallCenter.Core.Interactions;

/// <summary>One entry on a patient's timeline: a call, an SMS, an email or a staff note.</summary>
public sealed record Interaction
{
    public required Guid Id { get; init; }
    public Guid? PatientId { get; init; }
    public required string Kind { get; init; }
    public required string Direction { get; init; }
    public required DateTime OccurredAt { get; init; }
    public string? Summary { get; init; }
    public Guid? UserId { get; init; }

    /// <summary>The other system's ID (a call SID, a message ID), to match its later events.</summary>
    public string? ExternalId { get; init; }
}
