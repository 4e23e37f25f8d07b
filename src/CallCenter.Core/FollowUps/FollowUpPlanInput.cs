namespace CallCenter.Core.FollowUps;

/// <summary>A plan as an admin sends it, checked by <see cref="FollowUpPlanValidator"/>.</summary>
public sealed record FollowUpPlanInput
{
    public string? Queue { get; init; }
    public IReadOnlyList<FollowUpPlanStepInput?>? Steps { get; init; }
}
