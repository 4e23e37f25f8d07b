using CallCenter.Core.Common;

namespace CallCenter.Core.FollowUps;

/// <summary>Filters of the follow-up list; every one optional. <see cref="DueBefore"/> is exclusive (UTC).</summary>
public sealed record FollowUpQuery
{
    public string? Status { get; init; }
    public string? Kind { get; init; }
    public Guid? DepartmentId { get; init; }
    public string? QueueName { get; init; }
    public Guid? AssignedUserId { get; init; }
    public DateTime? DueBefore { get; init; }
    public PageRequest Page { get; init; } = new();
}
