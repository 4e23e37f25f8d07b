using Dapper;

namespace CallCenter.Core.Desk.Data;

/// <summary>The work an agent holds: a call or an SMS conversation from the offer they accepted until it ends.</summary>
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
    public bool OnHold { get; init; }
    public DateTime? EndedAt { get; init; }
    public string? EndReason { get; init; }
}
