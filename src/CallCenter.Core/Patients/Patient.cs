namespace CallCenter.Core.Patients;

/// <summary>A patient's record with phones and tags (consents are read separately: they have a history).</summary>
public sealed record Patient
{
    public required Guid Id { get; init; }
    public required string FullName { get; init; }
    public required string Gender { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Email { get; init; }
    public required string PreferredLanguage { get; init; }
    public required string TimeZone { get; init; }
    public string? Mrn { get; init; }
    public string? Notes { get; init; }
    public Guid? AssignedUserId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public IReadOnlyList<PatientPhone> Phones { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
}
