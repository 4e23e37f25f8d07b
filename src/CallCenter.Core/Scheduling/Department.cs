namespace CallCenter.Core.Scheduling;

/// <summary>A clinical department (cardiology, paediatrics...). <see cref="Code"/> is unique.</summary>
public sealed record Department
{
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public string? NameEn { get; init; }
    public DateTime CreatedAt { get; init; }
}
