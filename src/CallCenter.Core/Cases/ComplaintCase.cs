namespace CallCenter.Core.Cases;

/// <summary>A complaint or dispute (投诉) and where it stands. Times are UTC.</summary>
public sealed record ComplaintCase
{
    public required Guid Id { get; init; }

    /// <summary>Null for a caller the hub does not know (an IVR voicemail from an unknown number).</summary>
    public Guid? PatientId { get; init; }

    /// <summary>The number to call back when no patient is linked.</summary>
    public string? CallerNumber { get; init; }
    public Guid? DepartmentId { get; init; }
    public required string Category { get; init; }
    public required string Severity { get; init; }
    public required string Description { get; init; }
    public required string Status { get; init; }
    public Guid? OwnerId { get; init; }
    public required string Source { get; init; }
    public string? OriginKey { get; init; }
    public required DateTime FirstResponseDueAt { get; init; }
    public required DateTime ResolutionDueAt { get; init; }
    public DateTime? FirstRespondedAt { get; init; }
    public DateTime? ResolvedAt { get; init; }
    public DateTime? ClosedAt { get; init; }
    public DateTime? FirstResponseEscalatedAt { get; init; }
    public DateTime? ResolutionEscalatedAt { get; init; }
    public required Guid CreatedBy { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }

    /// <summary>The patient's consultant, when the patient is assigned to one (the scope rule); not stored on the case.</summary>
    public Guid? PatientAssignedUserId { get; init; }

    /// <summary>True when an active case has missed its first response or its resolution at <paramref name="now"/>.</summary>
    public bool IsOverdue(DateTime now) =>
        CaseStatuses.IsActive(Status) && ((FirstRespondedAt is null && FirstResponseDueAt <= now) || ResolutionDueAt <= now);
}
