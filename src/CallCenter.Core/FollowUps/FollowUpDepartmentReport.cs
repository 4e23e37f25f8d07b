namespace CallCenter.Core.FollowUps;

/// <summary>
/// A department's follow-ups: open and due (within the last day), overdue (due more than a day ago), done (worked or
/// given up), reached (of those attempted: the reach rate) and problems found (a patient who needs a doctor).
/// </summary>
public sealed record FollowUpDepartmentReport
{
    public Guid DepartmentId { get; init; }
    public long Due { get; init; }
    public long Overdue { get; init; }
    public long Done { get; init; }
    public long Attempted { get; init; }
    public long Reached { get; init; }
    public long ProblemsFound { get; init; }

    public double? ReachRate => Attempted == 0 ? null : Math.Round((double)Reached / Attempted, 3);
}
