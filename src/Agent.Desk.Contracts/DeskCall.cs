namespace AgentDesk.Contracts;

/// <summary>The agent's call: who, since when, whether the caller is on hold.</summary>
public sealed record DeskCall
{
    public required string CallSid { get; init; }
    public required Guid OfferId { get; init; }
    public required string Queue { get; init; }
    public Guid? PatientId { get; init; }
    public required DateTimeOffset ConnectedAt { get; init; }
    public bool OnHold { get; init; }
}
