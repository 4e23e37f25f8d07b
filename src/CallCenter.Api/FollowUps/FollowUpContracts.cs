using CallCenter.Core.FollowUps;

namespace CallCenter.Api.FollowUps;

internal sealed record FollowUpPlanStepResponse(int Day, string Action, string? SurveyKey);

/// <summary>A department's follow-up plan; no steps and an empty queue when it has none.</summary>
internal sealed record FollowUpPlanResponse(Guid DepartmentId, string Queue, IReadOnlyList<FollowUpPlanStepResponse> Steps)
{
    public static FollowUpPlanResponse From(FollowUpPlan plan) =>
        new(plan.DepartmentId, plan.QueueName, [.. plan.Steps.Select(s => new FollowUpPlanStepResponse(s.Day, s.Action, s.SurveyKey))]);
}

/// <summary>A follow-up with the attempts made on it.</summary>
internal sealed record FollowUpDetailResponse(FollowUp FollowUp, IReadOnlyList<FollowUpAttempt> Attempts);
