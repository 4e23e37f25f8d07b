namespace CallCenter.Core.Scheduling;

/// <summary>A doctor who holds slots, in one department.</summary>
public sealed record Doctor
{
    public required Guid Id { get; init; }
    public required Guid DepartmentId { get; init; }
    public required string Name { get; init; }
    public string? Title { get; init; }
    public DateTime CreatedAt { get; init; }
}
