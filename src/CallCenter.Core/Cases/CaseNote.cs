namespace CallCenter.Core.Cases;

/// <summary>One entry in a case's history: a note, or a change the hub recorded (status, owner, link, escalation).</summary>
public sealed record CaseNote
{
    public required Guid Id { get; init; }
    public required Guid CaseId { get; init; }
    public required string Kind { get; init; }
    public required string Body { get; init; }
    public required Guid AuthorId { get; init; }
    public required string AuthorName { get; init; }
    public required DateTime CreatedAt { get; init; }
}
