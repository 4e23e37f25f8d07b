namespace CallCenter.Core.Wallboard;

/// <summary>
/// The sums a period's figures are computed from (docs/wallboard.md): what the SQL aggregates return per queue (and
/// interval), and what <see cref="WallboardCalculator.Count"/> adds up from events. Centre-wide counts are the queues'
/// counts added, each call judged by its own queue's thresholds.
/// </summary>
internal sealed record PeriodCounts
{
    public static PeriodCounts Zero { get; } = new();

    public long Offered { get; init; }
    public long Answered { get; init; }
    public long AnsweredWithinThreshold { get; init; }
    public long Abandoned { get; init; }
    public long ShortAbandoned { get; init; }
    public long TimedOut { get; init; }
    public long Overflowed { get; init; }
    public long CallbacksRequested { get; init; }

    /// <summary>The waits of the answered calls, added.</summary>
    public long AnswerWaitMs { get; init; }

    /// <summary>The longest wait of a call answered, abandoned, timed out, overflowed or turned into a callback.</summary>
    public long? LongestWaitMs { get; init; }
    public long Completed { get; init; }

    /// <summary>Talk (hold included) of the completed calls, added.</summary>
    public long TalkMs { get; init; }

    /// <summary>Wrap-up that followed the completed calls (agent_state_event), added.</summary>
    public long WrapUpMs { get; init; }

    public PeriodCounts Add(PeriodCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new PeriodCounts
        {
            Offered = Offered + other.Offered,
            Answered = Answered + other.Answered,
            AnsweredWithinThreshold = AnsweredWithinThreshold + other.AnsweredWithinThreshold,
            Abandoned = Abandoned + other.Abandoned,
            ShortAbandoned = ShortAbandoned + other.ShortAbandoned,
            TimedOut = TimedOut + other.TimedOut,
            Overflowed = Overflowed + other.Overflowed,
            CallbacksRequested = CallbacksRequested + other.CallbacksRequested,
            AnswerWaitMs = AnswerWaitMs + other.AnswerWaitMs,
            LongestWaitMs = (LongestWaitMs, other.LongestWaitMs) switch
            {
                (null, var b) => b,
                (var a, null) => a,
                (var a, var b) => Math.Max(a!.Value, b!.Value),
            },
            Completed = Completed + other.Completed,
            TalkMs = TalkMs + other.TalkMs,
            WrapUpMs = WrapUpMs + other.WrapUpMs,
        };
    }
}
