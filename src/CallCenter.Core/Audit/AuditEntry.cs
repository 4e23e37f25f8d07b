namespace CallCenter.Core.Audit;

/// <summary>One access to patient data (or another audited action): who, what, which patient, when, outcome.</summary>
public sealed record AuditEntry
{
    public required Guid Id { get; init; }
    public required DateTime OccurredAt { get; init; }
    public Guid? UserId { get; init; }
    public string? UserName { get; init; }
    public required string Operation { get; init; }
    public Guid? PatientId { get; init; }
    public required string Outcome { get; init; }
    public string? Detail { get; init; }
}
