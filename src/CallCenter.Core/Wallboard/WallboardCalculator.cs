namespace CallCenter.Core.Wallboard;

/// <summary>
/// The wallboard's arithmetic, with no database: period figures from counts (or from events), threshold levels, and
/// occupancy. docs/wallboard.md defines each figure; its worked example is this class's test fixture.
/// </summary>
internal static class WallboardCalculator
{
    /// <summary>The event kinds whose wait counts towards a period's longest wait.</summary>
    public static readonly IReadOnlySet<QueueEventKind> WaitEndingKinds = new HashSet<QueueEventKind>
    {
        QueueEventKind.Connected, QueueEventKind.Abandoned, QueueEventKind.TimedOut, QueueEventKind.Overflowed, QueueEventKind.CallbackRequested,
    };

    /// <summary>The detail of a ring-no-answer that follows a connected: the agent's phone never answered.</summary>
    public const string NotConnected = "not-connected";

    /// <summary>
    /// Adds up one queue's events of a period, as the SQL aggregates do: each event counts in the period it occurred in.
    /// <paramref name="wrapUp"/> is the wrap-up that followed the period's completed calls (it lives in agent_state_event).
    /// </summary>
    public static PeriodCounts Count(IEnumerable<QueueEvent> events, int serviceLevelSeconds, int shortAbandonSeconds, TimeSpan wrapUp = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        long offered = 0, answered = 0, within = 0, abandoned = 0, shortAbandoned = 0, timedOut = 0, overflowed = 0, callbacks = 0;
        long answerWait = 0, completed = 0, talk = 0;
        long? longest = null;
        foreach (var e in events)
        {
            var waitMs = e.Wait is { } wait ? (long)wait.TotalMilliseconds : (long?)null;
            switch (e.Kind)
            {
                case QueueEventKind.Entered:
                    offered++;
                    break;
                case QueueEventKind.Connected:
                    answered++;
                    answerWait += waitMs ?? 0;
                    if ((waitMs ?? 0) <= serviceLevelSeconds * 1000L)
                    {
                        within++;
                    }

                    break;
                case QueueEventKind.RingNoAnswer when e.Detail == NotConnected:
                    // The accepted call never reached the agent's phone: the answer its connected counted is taken back.
                    answered--;
                    answerWait -= waitMs ?? 0;
                    if ((waitMs ?? 0) <= serviceLevelSeconds * 1000L)
                    {
                        within--;
                    }

                    break;
                case QueueEventKind.Abandoned:
                    abandoned++;
                    if (waitMs is { } w && w < shortAbandonSeconds * 1000L)
                    {
                        shortAbandoned++;
                    }

                    break;
                case QueueEventKind.TimedOut:
                    timedOut++;
                    break;
                case QueueEventKind.Overflowed:
                    overflowed++;
                    break;
                case QueueEventKind.CallbackRequested:
                    callbacks++;
                    break;
                case QueueEventKind.Completed:
                    completed++;
                    talk += e.Talk is { } t ? (long)t.TotalMilliseconds : 0;
                    break;
                default:
                    break;
            }

            if (WaitEndingKinds.Contains(e.Kind) && waitMs is { } ms && (longest is null || ms > longest))
            {
                longest = ms;
            }
        }

        return new PeriodCounts
        {
            Offered = offered, Answered = answered, AnsweredWithinThreshold = within, Abandoned = abandoned, ShortAbandoned = shortAbandoned,
            TimedOut = timedOut, Overflowed = overflowed, CallbacksRequested = callbacks, AnswerWaitMs = answerWait, LongestWaitMs = longest,
            Completed = completed, TalkMs = talk, WrapUpMs = (long)wrapUp.TotalMilliseconds,
        };
    }

    /// <summary>The figures of a period from its counts; a rate or average is null when there was nothing to divide.</summary>
    public static PeriodFigures Figures(PeriodCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var countedAbandons = counts.Abandoned - counts.ShortAbandoned;
        var slBase = counts.Answered + countedAbandons;
        var abandonBase = counts.Offered - counts.ShortAbandoned;
        return new PeriodFigures
        {
            Offered = (int)counts.Offered,
            Answered = (int)counts.Answered,
            AnsweredWithinThreshold = (int)counts.AnsweredWithinThreshold,
            Abandoned = (int)counts.Abandoned,
            ShortAbandoned = (int)counts.ShortAbandoned,
            TimedOut = (int)counts.TimedOut,
            Overflowed = (int)counts.Overflowed,
            CallbacksRequested = (int)counts.CallbacksRequested,
            ServiceLevelPercent = slBase > 0 ? 100.0 * counts.AnsweredWithinThreshold / slBase : null,
            AverageSpeedOfAnswerSeconds = counts.Answered > 0 ? counts.AnswerWaitMs / 1000.0 / counts.Answered : null,
            AverageHandleSeconds = counts.Completed > 0 ? (counts.TalkMs + counts.WrapUpMs) / 1000.0 / counts.Completed : null,
            AbandonRatePercent = abandonBase > 0 ? Math.Min(100.0, 100.0 * Math.Max(0, countedAbandons) / abandonBase) : null,
            LongestWaitSeconds = counts.LongestWaitMs / 1000.0,
        };
    }

    /// <summary>
    /// Where a queue stands against its thresholds: longest wait and waiting count at or above a threshold, the service
    /// level at or below one (no service level yet: normal). Critical wins over warning.
    /// </summary>
    public static QueueLevels Levels(QueueThresholds thresholds, double longestWaitSeconds, int waiting, double? serviceLevelPercent)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return new QueueLevels(
            AtOrAbove(longestWaitSeconds, thresholds.LongestWaitWarningSeconds, thresholds.LongestWaitCriticalSeconds),
            serviceLevelPercent is { } sl ? AtOrBelow(sl, thresholds.ServiceLevelWarningPercent, thresholds.ServiceLevelCriticalPercent) : ThresholdLevel.Normal,
            AtOrAbove(waiting, thresholds.WaitingWarning, thresholds.WaitingCritical));
    }

    /// <summary>The worst level of each figure over several queues: the centre's tiles.</summary>
    public static QueueLevels Worst(IEnumerable<QueueLevels> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var all = levels.ToList();
        return all.Count == 0
            ? QueueLevels.Normal
            : new QueueLevels(all.Max(l => l.LongestWait), all.Max(l => l.ServiceLevel), all.Max(l => l.Waiting));
    }

    /// <summary>(reserved + busy + wrap-up) ÷ (available + reserved + busy + wrap-up); null with no such time.</summary>
    public static double? OccupancyPercent(AgentStateTimes times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var working = times.Reserved + times.Busy + times.WrapUp;
        var signedIn = working + times.Available;
        return signedIn > TimeSpan.Zero ? 100.0 * working.Ticks / signedIn.Ticks : null;
    }

    private static ThresholdLevel AtOrAbove(double value, int? warning, int? critical) =>
        critical is { } c && value >= c ? ThresholdLevel.Critical
        : warning is { } w && value >= w ? ThresholdLevel.Warning
        : ThresholdLevel.Normal;

    private static ThresholdLevel AtOrBelow(double value, int? warning, int? critical) =>
        critical is { } c && value <= c ? ThresholdLevel.Critical
        : warning is { } w && value <= w ? ThresholdLevel.Warning
        : ThresholdLevel.Normal;
}
