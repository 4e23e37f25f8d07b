namespace CallCenter.Core.Surveys;

/// <summary>One version of a survey. An edit makes a new version; invitations and answers point at the version sent.</summary>
public sealed record SurveyDefinition
{
    public required Guid Id { get; init; }
    public required string Key { get; init; }
    public required int Version { get; init; }
    public required string NameZh { get; init; }
    public required string NameEn { get; init; }
    public required IReadOnlyList<SurveyQuestion> Questions { get; init; }
    public required IReadOnlyList<SurveyTrigger> Triggers { get; init; }
    public DateTime? RetiredAt { get; init; }
    public required DateTime CreatedAt { get; init; }
    public Guid? CreatedByUserId { get; init; }
}
