namespace CallCenter.Core.Wallboard;

/// <summary>
/// A queue's wallboard thresholds (migration 0025); null: no threshold. Longest wait and waiting count are reached at or
/// above their value, service level (percent) at or below.
/// </summary>
public sealed record QueueThresholds
{
    public int? LongestWaitWarningSeconds { get; init; }
    public int? LongestWaitCriticalSeconds { get; init; }
    public int? ServiceLevelWarningPercent { get; init; }
    public int? ServiceLevelCriticalPercent { get; init; }
    public int? WaitingWarning { get; init; }
    public int? WaitingCritical { get; init; }

    public static QueueThresholds None { get; } = new();
}
