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

public static class AuditOutcomes
{
    public const string Success = "success";
    public const string Denied = "denied";
    public const string NotFound = "not-found";
    public const string Failed = "failed";
}

/// <summary>Filter for reading the audit trail; all parts optional.</summary>
public sealed record AuditQuery(Guid? PatientId = null, Guid? UserId = null, DateTime? From = null, DateTime? To = null);
