namespace CallCenter.Core.FollowUps;

public sealed record FollowUpPlanStepInput
{
    public int? Day { get; init; }
    public string? Action { get; init; }
    public string? SurveyKey { get; init; }
}
