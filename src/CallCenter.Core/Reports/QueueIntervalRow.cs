namespace CallCenter.Core.Reports;

/// <summary>One queue in one interval; the figures are defined in docs/wallboard.md (rates and averages null when nothing to divide).</summary>
public sealed record QueueIntervalRow
{
    public required string Queue { get; init; }

    /// <summary>The interval's start and end in the centre's zone, with its offset.</summary>
    public required DateTimeOffset IntervalStart { get; init; }
    public required DateTimeOffset IntervalEnd { get; init; }
    public int Offered { get; init; }
    public int Answered { get; init; }
    public int AnsweredWithinThreshold { get; init; }
    public int Abandoned { get; init; }
    public int ShortAbandoned { get; init; }
    public int TimedOut { get; init; }
    public int Overflowed { get; init; }
    public int CallbacksRequested { get; init; }
    public double? ServiceLevelPercent { get; init; }
    public double? AverageSpeedOfAnswerSeconds { get; init; }
    public double? AverageHandleSeconds { get; init; }
    public double? AbandonRatePercent { get; init; }
    public double? LongestWaitSeconds { get; init; }
}
