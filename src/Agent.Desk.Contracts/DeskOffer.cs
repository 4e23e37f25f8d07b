namespace AgentDesk.Contracts;

/// <summary>
/// An offer ringing at the agent. <see cref="ExpiresAt"/> is when it rings out and goes to the next agent.
/// Exactly one of <see cref="CallSid"/> and <see cref="ConversationId"/> is set.
/// </summary>
public sealed record DeskOffer
{
    public required Guid OfferId { get; init; }
    public required string Kind { get; init; }
    public string? CallSid { get; init; }
    public Guid? ConversationId { get; init; }
    public required string Queue { get; init; }
    public required DateTimeOffset OfferedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Set when another agent transfers the call here, with their note.</summary>
    public string? TransferredBy { get; init; }
    public string? TransferNote { get; init; }
    public required DeskScreenPop ScreenPop { get; init; }
}
