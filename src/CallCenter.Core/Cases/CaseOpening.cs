namespace CallCenter.Core.Cases;

/// <summary>
/// What opens a case: from the desk, the IVR, a low survey score or the API. <see cref="OriginKey"/> (e.g.
/// <c>survey:{answerId}</c>) makes opening idempotent: a second opening with the same key returns the first case.
/// </summary>
public sealed record CaseOpening
{
    public Guid? PatientId { get; init; }
    public string? CallerNumber { get; init; }
    public Guid? DepartmentId { get; init; }
    public string? Category { get; init; }
    public string? Severity { get; init; }
    public string? Description { get; init; }
    public Guid? OwnerId { get; init; }

    /// <summary><see cref="CaseSources"/>; api when absent.</summary>
    public string Source { get; init; } = CaseSources.Api;
    public string? OriginKey { get; init; }

    /// <summary>A call to link at once (the call the complaint was made on).</summary>
    public string? CallSid { get; init; }

    /// <summary>A message to link at once.</summary>
    public string? MessageSid { get; init; }
}
