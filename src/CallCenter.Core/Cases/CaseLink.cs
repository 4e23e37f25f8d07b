namespace CallCenter.Core.Cases;

/// <summary>A call or message linked to a case, by its Twilio SID.</summary>
public sealed record CaseLink
{
    public required Guid CaseId { get; init; }
    public required string Kind { get; init; }
    public required string Sid { get; init; }
    public required DateTime CreatedAt { get; init; }
}
