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

/// <summary>One phone number of a patient, in E.164.</summary>
public sealed record PatientPhone
{
    public required string E164 { get; init; }
    public required string Kind { get; init; }
    public bool IsPrimary { get; init; }
}

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
