namespace AgentDesk.Contracts;

public sealed record DeskFollowUp
{
    public required Guid Id { get; init; }
    public required string Kind { get; init; }
    public string? Category { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string Status { get; init; }
}
