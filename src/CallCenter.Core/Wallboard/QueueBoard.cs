namespace CallCenter.Core.Wallboard;

/// <summary>
/// One queue's line on the wallboard, or the centre's tiles (<see cref="Queue"/> is null: every queue together).
/// No patient data: counts, times and agents' states only, so a read-only wallboard account may see all of it.
/// </summary>
public sealed record QueueBoard
{
    /// <summary>The queue's name; null for the centre-wide figures.</summary>
    public string? Queue { get; init; }
    public required string DisplayName { get; init; }
    public int WaitingNow { get; init; }

    /// <summary>When the longest-waiting call joined the queue; null when nobody waits. Boards tick the wait from it.</summary>
    public DateTime? OldestWaitingSince { get; init; }
    public double LongestWaitNowSeconds { get; init; }
    public int CallbacksPending { get; init; }

    /// <summary>The queue's service-level threshold in seconds (the centre's: null, each queue counts by its own).</summary>
    public int? ServiceLevelSeconds { get; init; }
    public required PeriodFigures Today { get; init; }
    public required PeriodFigures Last30Minutes { get; init; }

    /// <summary>Agents who could take this queue's calls (have its skills), by state; the centre's: every agent.</summary>
    public required AgentCounts Agents { get; init; }
    public QueueThresholds Thresholds { get; init; } = QueueThresholds.None;
    public QueueLevels Levels { get; init; } = QueueLevels.Normal;
}
