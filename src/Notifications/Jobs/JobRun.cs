namespace Notifications.Jobs;

/// <summary>One firing of a job as <c>job_run</c> keeps it.</summary>
public sealed record JobRun
{
    public required Guid Id { get; init; }
    public required string JobGroup { get; init; }
    public required string JobName { get; init; }
    public required string FireInstanceId { get; init; }
    public required string Node { get; init; }
    public bool Manual { get; init; }
    public DateTime StartedAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public required string Outcome { get; init; }
    public string? ErrorSummary { get; init; }
    public int? ProgressPercent { get; init; }
    public string? ProgressNote { get; init; }
}
