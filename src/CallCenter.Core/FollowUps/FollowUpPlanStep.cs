namespace CallCenter.Core.FollowUps;

/// <summary>A step of a plan: on <see cref="Day"/> after the visit, a call or an SMS survey with survey <see cref="SurveyKey"/>.</summary>
public sealed record FollowUpPlanStep(int Day, string Action, string? SurveyKey);
