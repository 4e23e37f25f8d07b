namespace CallCenter.Core.Wallboard;

/// <summary>
/// A queue's (or the centre's) calls over a period: today since local midnight, the last 30 minutes, or one interval
/// of a report. Every figure is defined in docs/wallboard.md; the percentages and averages are null when nothing was
/// there to divide.
/// </summary>
public sealed record PeriodFigures
{
    public int Offered { get; init; }
    public int Answered { get; init; }
    public int AnsweredWithinThreshold { get; init; }
    public int Abandoned { get; init; }

    /// <summary>Abandoned within the queue's short-abandon seconds: left out of the service level and abandon rate.</summary>
    public int ShortAbandoned { get; init; }
    public int TimedOut { get; init; }
    public int Overflowed { get; init; }
    public int CallbacksRequested { get; init; }
    public double? ServiceLevelPercent { get; init; }
    public double? AverageSpeedOfAnswerSeconds { get; init; }

    /// <summary>Talk + hold + wrap-up, over the calls completed in the period.</summary>
    public double? AverageHandleSeconds { get; init; }
    public double? AbandonRatePercent { get; init; }
    public double? LongestWaitSeconds { get; init; }
}
