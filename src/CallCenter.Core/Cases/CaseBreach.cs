namespace CallCenter.Core.Cases;

/// <summary>An active case that has missed a due time and has not been escalated for it yet.</summary>
public sealed record CaseBreach
{
    public required Guid CaseId { get; init; }

    /// <summary><see cref="CaseBreaches"/>.</summary>
    public required string Breach { get; init; }
    public required DateTime DueAt { get; init; }
    public required string Category { get; init; }
    public required string Severity { get; init; }
    public required string Status { get; init; }
    public string? DepartmentName { get; init; }
    public string? OwnerName { get; init; }
    public Guid? PatientId { get; init; }
    public required DateTime CreatedAt { get; init; }
}
