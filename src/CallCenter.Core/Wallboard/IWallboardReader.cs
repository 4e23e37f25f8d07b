namespace CallCenter.Core.Wallboard;

/// <summary>
/// The wallboard's and the reports' reads: SQL aggregates over the queue event log and the agents' state history,
/// grouped in the database (a busy day holds 100,000 events and the board is recomputed up to once a second).
/// </summary>
internal interface IWallboardReader
{
    /// <summary>Each queue's counts over [from, to), wrap-up included.</summary>
    Task<IReadOnlyDictionary<string, PeriodCounts>> QueueCountsAsync(DateTime from, DateTime to, CancellationToken cancellationToken = default);

    /// <summary>
    /// Each queue's counts per interval of <paramref name="size"/> over [from, to); an interval's number is
    /// (epoch milliseconds + <paramref name="shift"/>) ÷ size, so intervals start on the centre's local clock.
    /// </summary>
    Task<IReadOnlyList<IntervalCounts>> QueueCountsByIntervalAsync(
        DateTime from, DateTime to, TimeSpan size, TimeSpan shift, string? queue, CancellationToken cancellationToken = default);

    /// <summary>Calls in line now (waiting or ringing at an agent) per queue, and when the longest-waiting one joined.</summary>
    Task<IReadOnlyDictionary<string, (int Waiting, DateTime? OldestSince)>> WaitingAsync(CancellationToken cancellationToken = default);

    /// <summary>Open callback requests per queue.</summary>
    Task<IReadOnlyDictionary<string, int>> CallbacksPendingAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Time per state over [from, to) of every agent whose state changed in it; an agent missing from the answer was in
    /// their current state the whole time.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, AgentStateTimes>> AgentStateTimesAsync(DateTime from, DateTime to, CancellationToken cancellationToken = default);

    /// <summary>Calls each agent completed over [from, to).</summary>
    Task<IReadOnlyDictionary<Guid, int>> HandledAsync(DateTime from, DateTime to, CancellationToken cancellationToken = default);
}
