namespace CallCenter.Core.Cases;

/// <summary>Filters of the case list; null filters match everything.</summary>
public sealed record CaseQuery
{
    public string? Status { get; init; }
    public Guid? DepartmentId { get; init; }
    public string? Severity { get; init; }
    public Guid? OwnerId { get; init; }
    public Guid? PatientId { get; init; }

    /// <summary>True: only active cases past a due time; false: only those that are not; null: both.</summary>
    public bool? Overdue { get; init; }
}
