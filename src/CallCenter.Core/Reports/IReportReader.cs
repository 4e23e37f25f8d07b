namespace CallCenter.Core.Reports;

/// <summary>The agent report's reads: aggregates per agent and interval, and state segments streamed to be cut at interval edges.</summary>
internal interface IReportReader
{
    /// <summary>Calls each agent completed per interval, and their talk; interval numbers as the wallboard reader's.</summary>
    Task<IReadOnlyList<(Guid AgentId, long Interval, long Handled, long TalkMs)>> AgentCallsAsync(
        DateTime from, DateTime to, TimeSpan size, TimeSpan shift, Guid? agent, CancellationToken cancellationToken = default);

    /// <summary>Wrap-up that started in each interval and has ended, per agent: the wrap-up part of the agents' handle time.</summary>
    Task<IReadOnlyList<(Guid AgentId, long Interval, long WrapUpMs)>> AgentWrapUpsAsync(
        DateTime from, DateTime to, TimeSpan size, TimeSpan shift, Guid? agent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every stretch of time an agent spent in one state that overlaps [from, to), in epoch milliseconds; an end of null
    /// is the state the agent is still in. Agents with no change in the range are not here.
    /// </summary>
    IAsyncEnumerable<AgentStateSegment> SegmentsAsync(DateTime from, DateTime to, Guid? agent);

    /// <summary>For agents with no change in [from, to): the state they held through it, when a later change says so.</summary>
    Task<IReadOnlyDictionary<Guid, string>> StateBeforeFirstChangeAfterAsync(DateTime to, CancellationToken cancellationToken = default);
}
