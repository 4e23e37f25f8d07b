namespace CallCenter.Core.Conversations;

/// <summary>An SMS thread agents answer; at most one is open per phone.</summary>
public sealed record Conversation
{
    public required Guid Id { get; init; }
    public required string Phone { get; init; }
    public Guid? PatientId { get; init; }
    public required string Status { get; init; }
    public required DateTime OpenedAt { get; init; }
    public required DateTime LastMessageAt { get; init; }
    public required string Reason { get; init; }
}
