namespace AgentDesk.Contracts;

/// <summary>State codes as in the roster: offline, available, reserved, busy, wrap-up, break.</summary>
public sealed record DeskAgentState
{
    public required string State { get; init; }
    public string? Reason { get; init; }
    public required DateTimeOffset Since { get; init; }
    public DateTimeOffset? WrapUpUntil { get; init; }
    public int MissedOffers { get; init; }
}
