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

    /// <summary>Today before the cut is read once per step and kept; only the minutes since are read on every snapshot.</summary>
    public static readonly TimeSpan SettleStep = TimeSpan.FromMinutes(5);

    /// <summary>How far behind now the cut stays, so an event committed a little after it happened is not missed.</summary>
    public static readonly TimeSpan SettleMargin = TimeSpan.FromMinutes(2);

    // Today's settled part, shared by every snapshot until the cut moves (a reference swap; two builders racing
    // compute the same thing).
    private volatile SettledDay? _settled;

    public async Task<WallboardSnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var dayStart = clock.DayStart(now);
        var settings = await queues.ListAsync(cancellationToken);
        var agents = await roster.ListAsync(cancellationToken);
        var settled = await SettledAsync(dayStart, now, agents, cancellationToken);

        // Today = the settled part (midnight to the cut) + the fresh part (the cut to now); each figure adds up.
        var fresh = await reader.QueueCountsAsync(settled.Cut, now, cancellationToken);
        var today = Merge(settled.Counts, fresh);
        var recent = await reader.QueueCountsAsync(now - RecentWindow, now, cancellationToken);
        var waiting = await reader.WaitingAsync(cancellationToken);
        var callbacks = await reader.CallbacksPendingAsync(cancellationToken);
        var freshTimes = await reader.AgentStateTimesAsync(settled.Cut, now, cancellationToken);
        var freshHandled = await reader.HandledAsync(settled.Cut, now, cancellationToken);

        var boards = settings.Select(q => QueueBoardOf(q, now, today, recent, waiting, callbacks, agents)).ToList();
        var centre = CentreOf(boards, now, today, recent, agents);
        return new WallboardSnapshot
        {
            At = now,
            TimeZone = clock.ZoneId,
            Centre = centre,
            Queues = boards,
            Agents = agents.Select(a =>
            {
                // No change since the cut: the agent stood in their current state since then.
                var settledTimes = settled.Times.GetValueOrDefault(a.UserId) ?? AgentStateTimes.Zero.Plus(a.State, settled.Cut - dayStart);
                var sinceCut = freshTimes.GetValueOrDefault(a.UserId) ?? AgentStateTimes.Zero.Plus(a.State, now - settled.Cut);
                var handled = settled.Handled.GetValueOrDefault(a.UserId) + freshHandled.GetValueOrDefault(a.UserId);
                return AgentOf(a, dayStart, settledTimes.Add(sinceCut), handled);
            }).ToList(),
        };
    }

    /// <summary>The cut: the last step boundary after midnight at least <see cref="SettleMargin"/> before now.</summary>
    internal static DateTime CutOf(DateTime dayStart, DateTime now)
    {
        var settledUntil = now - SettleMargin;
        return settledUntil <= dayStart ? dayStart : dayStart + SettleStep * ((settledUntil - dayStart).Ticks / SettleStep.Ticks);
    }

    private async Task<SettledDay> SettledAsync(DateTime dayStart, DateTime now, IReadOnlyList<AgentRosterRow> agents, CancellationToken cancellationToken)
    {
        var cut = CutOf(dayStart, now);
        if (_settled is { } kept && kept.DayStart == dayStart && kept.Cut == cut)
        {
            return kept;
        }

        if (cut == dayStart)
        {
            return new SettledDay(dayStart, cut, new Dictionary<string, PeriodCounts>(), new Dictionary<Guid, AgentStateTimes>(), new Dictionary<Guid, int>());
        }

        var counts = await reader.QueueCountsAsync(dayStart, cut, cancellationToken);
        var times = new Dictionary<Guid, AgentStateTimes>(await reader.AgentStateTimesAsync(dayStart, cut, cancellationToken));
        var handled = await reader.HandledAsync(dayStart, cut, cancellationToken);

        // An agent with no change before the cut held, all that time, the state their first change after it left
        // (or, with none yet, the state they are in).
        var held = await reader.StatesHeldAtAsync(cut, cancellationToken);
        foreach (var agent in agents.Where(a => !times.ContainsKey(a.UserId)))
        {
            var state = held.TryGetValue(agent.UserId, out var code) ? code : agent.State;
            times[agent.UserId] = AgentStateTimes.Zero.Plus(state, cut - dayStart);
        }

        var settled = new SettledDay(dayStart, cut, counts, times, handled);
        _settled = settled;
        return settled;
    }

    private static Dictionary<string, PeriodCounts> Merge(IReadOnlyDictionary<string, PeriodCounts> a, IReadOnlyDictionary<string, PeriodCounts> b)
    {
        var sum = new Dictionary<string, PeriodCounts>(a, StringComparer.Ordinal);
        foreach (var (queue, counts) in b)
        {
            sum[queue] = sum.TryGetValue(queue, out var earlier) ? earlier.Add(counts) : counts;
        }

        return sum;
    }

    private sealed record SettledDay(
        DateTime DayStart, DateTime Cut, IReadOnlyDictionary<string, PeriodCounts> Counts, IReadOnlyDictionary<Guid, AgentStateTimes> Times,
        IReadOnlyDictionary<Guid, int> Handled);

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

    private static AgentBoard AgentOf(AgentRosterRow agent, DateTime dayStart, AgentStateTimes times, int handled) => new()
    {
        AgentId = agent.UserId,
        DisplayName = agent.DisplayName,
        State = agent.State.ToCode(),
        Reason = agent.State == AgentState.Break ? agent.Reason : null,
        Since = agent.Since ?? dayStart,
        HandledToday = handled,
        OccupancyPercent = WallboardCalculator.OccupancyPercent(times),
    };

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
}
