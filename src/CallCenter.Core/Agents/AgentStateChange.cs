namespace CallCenter.Core.Agents;

/// <summary>One change of an agent's state, kept as history (for the wallboard and reports).</summary>
public sealed record AgentStateChange
{
    public required Guid Id { get; init; }
    public required Guid UserId { get; init; }
    public required AgentState FromState { get; init; }
    public required AgentState ToState { get; init; }
    public string? Reason { get; init; }

    /// <summary>The agent's version after the change: orders one agent's changes.</summary>
    public required int Version { get; init; }
    public required DateTime OccurredAt { get; init; }
}
