using CallCenter.Core.Interactions;
using Dapper;

namespace CallCenter.Core.Desk.Data;

/// <summary>An agent's after-call work on one call.</summary>
public sealed record CallWrapUp
{
    public required Guid Id { get; init; }
    public required string CallSid { get; init; }
    public required Guid AgentId { get; init; }
    public required Guid OfferId { get; init; }
    public Guid? PatientId { get; init; }
    public required string Disposition { get; init; }
    public string? Notes { get; init; }
    public Guid? InteractionId { get; init; }
    public required DateTime CreatedAt { get; init; }
}
