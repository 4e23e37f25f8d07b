namespace CallCenter.Core.Patients;

/// <summary>A patient as a search result or caller-ID match: enough to pick the right one.</summary>
public sealed record PatientSummary
{
    public required Guid Id { get; init; }
    public required string FullName { get; init; }
    public required string Gender { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Mrn { get; init; }
    public string? PrimaryPhone { get; init; }
    public Guid? AssignedUserId { get; init; }
}
