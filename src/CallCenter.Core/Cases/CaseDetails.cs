namespace CallCenter.Core.Cases;

/// <summary>A case with its history (oldest first) and its linked calls and messages.</summary>
public sealed record CaseDetails(ComplaintCase Case, IReadOnlyList<CaseNote> Notes, IReadOnlyList<CaseLink> Links);
