using CallCenter.Core.Agents;
using CallCenter.Core.Queues;

namespace CallCenter.Core.Wallboard;

/// <summary>
/// The wallboard from the database alone (the queue event log, agents' states and history, the queues' settings), so a
/// hub restarted at noon shows the whole day. Each figure is an aggregate the database groups; docs/wallboard.md.
/// </summary>
internal sealed class WallboardBoard(
    IWallboardReader reader, IQueueSettingsRepository queues, IAgentRoster roster, CentreClock clock, TimeProvider time) : IWallboardBoard
{
    public static readonly TimeSpan RecentWindow = TimeSpan.FromMinutes(30);

    public async Task<WallboardSnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dayStart = clock.DayStart(now);
        var recentStart = now - RecentWindow;
        var settings = await queues.ListAsync(cancellationToken);
        var today = await reader.QueueCountsAsync(dayStart, now, cancellationToken);
        var recent = await reader.QueueCountsAsync(recentStart, now, cancellationToken);
        var waiting = await reader.WaitingAsync(cancellationToken);
        var callbacks = await reader.CallbacksPendingAsync(cancellationToken);
        var agents = await roster.ListAsync(cancellationToken);
        var stateTimes = await reader.AgentStateTimesAsync(dayStart, now, cancellationToken);
        var handled = await reader.HandledAsync(dayStart, now, cancellationToken);

        var boards = settings.Select(q => QueueBoardOf(q, now, today, recent, waiting, callbacks, agents)).ToList();
        var centre = CentreOf(boards, now, today, recent, agents);
        return new WallboardSnapshot
        {
            At = now,
            TimeZone = clock.ZoneId,
            Centre = centre,
            Queues = boards,
            Agents = agents.Select(a => AgentOf(a, dayStart, now, stateTimes, handled)).ToList(),
        };
    }

    private static QueueBoard QueueBoardOf(
        QueueSettings queue, DateTime now, IReadOnlyDictionary<string, PeriodCounts> today, IReadOnlyDictionary<string, PeriodCounts> recent,
        IReadOnlyDictionary<string, (int Waiting, DateTime? OldestSince)> waiting, IReadOnlyDictionary<string, int> callbacks,
        IReadOnlyList<AgentRosterRow> agents)
    {
        var (count, oldest) = waiting.GetValueOrDefault(queue.Name);
        var longest = LongestWait(oldest, now);
        var todayFigures = WallboardCalculator.Figures(today.GetValueOrDefault(queue.Name) ?? PeriodCounts.Zero);
        return new QueueBoard
        {
            Queue = queue.Name,
            DisplayName = queue.DisplayName,
            WaitingNow = count,
            OldestWaitingSince = oldest,
            LongestWaitNowSeconds = longest,
            CallbacksPending = callbacks.GetValueOrDefault(queue.Name),
            ServiceLevelSeconds = queue.ServiceLevelSeconds,
            Today = todayFigures,
            Last30Minutes = WallboardCalculator.Figures(recent.GetValueOrDefault(queue.Name) ?? PeriodCounts.Zero),
            Agents = CountAgents(agents.Where(a => HasSkills(a, queue.RequiredSkills))),
            Thresholds = queue.Thresholds,
            Levels = WallboardCalculator.Levels(queue.Thresholds, longest, count, todayFigures.ServiceLevelPercent),
        };
    }

    // The centre adds every queue's counts, a queue deleted since included; its levels are the worst queue's.
    private static QueueBoard CentreOf(
        IReadOnlyList<QueueBoard> boards, DateTime now, IReadOnlyDictionary<string, PeriodCounts> today,
        IReadOnlyDictionary<string, PeriodCounts> recent, IReadOnlyList<AgentRosterRow> agents)
    {
        var oldest = boards.Select(b => b.OldestWaitingSince).Where(o => o is not null).Min();
        return new QueueBoard
        {
            Queue = null,
            DisplayName = "Centre",
            WaitingNow = boards.Sum(b => b.WaitingNow),
            OldestWaitingSince = oldest,
            LongestWaitNowSeconds = LongestWait(oldest, now),
            CallbacksPending = boards.Sum(b => b.CallbacksPending),
            ServiceLevelSeconds = null,
            Today = WallboardCalculator.Figures(today.Values.Aggregate(PeriodCounts.Zero, (sum, c) => sum.Add(c))),
            Last30Minutes = WallboardCalculator.Figures(recent.Values.Aggregate(PeriodCounts.Zero, (sum, c) => sum.Add(c))),
            Agents = CountAgents(agents),
            Thresholds = QueueThresholds.None,
            Levels = WallboardCalculator.Worst(boards.Select(b => b.Levels)),
        };
    }

    private static AgentBoard AgentOf(
        AgentRosterRow agent, DateTime dayStart, DateTime now, IReadOnlyDictionary<Guid, AgentStateTimes> stateTimes, IReadOnlyDictionary<Guid, int> handled)
    {
        // No change today: the agent stood in their current state all day (or since it began, if later).
        var times = stateTimes.GetValueOrDefault(agent.UserId)
            ?? AgentStateTimes.Zero.Plus(agent.State, now - Later(agent.Since ?? dayStart, dayStart));
        return new AgentBoard
        {
            AgentId = agent.UserId,
            DisplayName = agent.DisplayName,
            State = agent.State.ToCode(),
            Reason = agent.State == AgentState.Break ? agent.Reason : null,
            Since = agent.Since ?? dayStart,
            HandledToday = handled.GetValueOrDefault(agent.UserId),
            OccupancyPercent = WallboardCalculator.OccupancyPercent(times),
        };
    }

    private static AgentCounts CountAgents(IEnumerable<AgentRosterRow> agents)
    {
        var list = agents.ToList();
        var breaks = list.Where(a => a.State == AgentState.Break)
            .GroupBy(a => a.Reason ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new AgentCounts(
            list.Count(a => a.State == AgentState.Available),
            list.Count(a => a.State is AgentState.Reserved or AgentState.Busy),
            list.Count(a => a.State == AgentState.WrapUp),
            list.Count(a => a.State == AgentState.Break),
            list.Count(a => a.State == AgentState.Offline))
        {
            BreaksByReason = breaks,
        };
    }

    private static bool HasSkills(AgentRosterRow agent, IReadOnlyList<string> required) =>
        required.All(skill => agent.Skills.Any(s => string.Equals(s.Skill, skill, StringComparison.Ordinal)));

    private static double LongestWait(DateTime? oldest, DateTime now) =>
        oldest is { } since && now > since ? (now - since).TotalSeconds : 0;

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
