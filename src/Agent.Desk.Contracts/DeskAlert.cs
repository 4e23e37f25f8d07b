namespace AgentDesk.Contracts;

/// <summary>
/// A queue's wallboard figure crossed a threshold (pushed to supervisors' and admins' desks only). Metric:
/// longest-wait (seconds), service-level (percent) or waiting (calls); Level and Previous: normal, warning, critical.
/// </summary>
public sealed record DeskAlert
{
    public required Guid Id { get; init; }
    public required string Queue { get; init; }
    public required string QueueDisplayName { get; init; }
    public required string Metric { get; init; }
    public required string Level { get; init; }
    public required string Previous { get; init; }
    public double Value { get; init; }
    public double? Threshold { get; init; }
    public required DateTimeOffset At { get; init; }
}
