namespace CallCenter.Core.FollowUps;

/// <summary>A department's follow-up plan: its steps after a completed visit and the queue that works its calls.</summary>
public sealed record FollowUpPlan(Guid DepartmentId, string QueueName, IReadOnlyList<FollowUpPlanStep> Steps)
{
    public const int MaxSteps = 10;
    public const int MaxDay = 365;
}
