namespace AgentDesk.Contracts;

public sealed record DeskPatient
{
    public required Guid Id { get; init; }
    public required string FullName { get; init; }
    public string? Mrn { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Sex { get; init; }
    public string? Language { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
}
