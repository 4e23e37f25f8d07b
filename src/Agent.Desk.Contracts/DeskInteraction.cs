namespace AgentDesk.Contracts;

public sealed record DeskInteraction
{
    public required DateTimeOffset OccurredAt { get; init; }
    public required string Kind { get; init; }
    public required string Direction { get; init; }
    public string? Summary { get; init; }
}
