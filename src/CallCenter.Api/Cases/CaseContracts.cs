using CallCenter.Core.Cases;

namespace CallCenter.Api.Cases;

/// <summary>A new case. Patient or caller number is required; category and severity from the hub's lists.</summary>
internal sealed record CaseInput(
    Guid? PatientId,
    string? CallerNumber,
    Guid? DepartmentId,
    string? Category,
    string? Severity,
    string? Description,
    Guid? OwnerId,
    string? CallSid,
    string? MessageSid);

internal sealed record CaseStatusInput(string? Status, string? Note);

internal sealed record CaseOwnerInput(Guid? OwnerId);

internal sealed record CaseNoteInput(string? Body);

internal sealed record CaseLinkInput(string? Kind, string? Sid);

/// <summary>A case as the API shows it; <c>overdue</c> says whether an active case has missed a due time now.</summary>
internal sealed record CaseResponse(
    Guid Id,
    Guid? PatientId,
    string? CallerNumber,
    Guid? DepartmentId,
    string Category,
    string Severity,
    string Description,
    string Status,
    IReadOnlyList<string> AllowedStatuses,
    Guid? OwnerId,
    string Source,
    DateTime FirstResponseDueAt,
    DateTime ResolutionDueAt,
    DateTime? FirstRespondedAt,
    DateTime? ResolvedAt,
    DateTime? ClosedAt,
    DateTime? FirstResponseEscalatedAt,
    DateTime? ResolutionEscalatedAt,
    bool Overdue,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static CaseResponse From(ComplaintCase c, DateTime now) => new(
        c.Id, c.PatientId, c.CallerNumber, c.DepartmentId, c.Category, c.Severity, c.Description, c.Status, CaseStatuses.NextOf(c.Status), c.OwnerId,
        c.Source, c.FirstResponseDueAt, c.ResolutionDueAt, c.FirstRespondedAt, c.ResolvedAt, c.ClosedAt, c.FirstResponseEscalatedAt,
        c.ResolutionEscalatedAt, c.IsOverdue(now), c.CreatedAt, c.UpdatedAt);
}

/// <summary>A case with its history (oldest first) and linked calls and messages.</summary>
internal sealed record CaseDetailsResponse(CaseResponse Case, IReadOnlyList<CaseNote> Notes, IReadOnlyList<CaseLink> Links);
