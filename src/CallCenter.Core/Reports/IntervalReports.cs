using CallCenter.Core.Agents;
using CallCenter.Core.Queues;
using CallCenter.Core.Wallboard;

namespace CallCenter.Core.Reports;

/// <summary>
/// Intervals start on the centre's local clock (09:00, 09:15, ...): an interval's number is (epoch ms + the zone's
/// offset) ÷ its length, the offset taken at the range's start. Only intervals with something in them are listed.
/// </summary>
internal sealed class IntervalReports(
    IWallboardReader wallboard, IReportReader reports, IQueueSettingsRepository queues, IAgentRoster roster, CentreClock clock, TimeProvider time)
    : IIntervalReports
{
    public async Task<ReportResult<QueueIntervalRow>> QueuesAsync(ReportQuery query, CancellationToken cancellationToken = default)
    {
        var (period, errors) = ReportQueryRules.Check(query, clock);
        if (!string.IsNullOrEmpty(query.Queue) && (!QueueSettingsRules.IsValidName(query.Queue) || await queues.FindAsync(query.Queue, cancellationToken) is null))
        {
            errors.Add(new("queue", $"names no queue: '{query.Queue}' does not exist"));
        }

        if (errors.Count > 0)
        {
            return new ReportResult<QueueIntervalRow>([], errors);
        }

        var shift = Shift(period!);
        var counts = await wallboard.QueueCountsByIntervalAsync(period!.From, period.To, period.Interval, shift, NullIfEmpty(query.Queue), cancellationToken);
        var rows = counts
            .Select(c => Row(c, period, shift))
            .OrderBy(r => r.Queue, StringComparer.Ordinal).ThenBy(r => r.IntervalStart)
            .ToList();
        return new ReportResult<QueueIntervalRow>(rows, []) { Period = period, TimeZone = clock.ZoneId };
    }

    public async Task<ReportResult<AgentIntervalRow>> AgentsAsync(ReportQuery query, CancellationToken cancellationToken = default)
    {
        var (period, errors) = ReportQueryRules.Check(query, clock);
        var agents = await roster.ListAsync(cancellationToken);
        AgentRosterRow? only = null;
        if (!string.IsNullOrEmpty(query.Agent))
        {
            only = agents.FirstOrDefault(a => (Guid.TryParse(query.Agent, out var id) && a.UserId == id) || string.Equals(a.UserName, query.Agent, StringComparison.Ordinal));
            if (only is null)
            {
                errors.Add(new("agent", $"names no agent: '{query.Agent}' is neither an agent's id nor user name"));
            }
        }

        if (errors.Count > 0)
        {
            return new ReportResult<AgentIntervalRow>([], errors);
        }

        var p = period!;
        var shift = Shift(p);
        var sizeMs = (long)p.Interval.TotalMilliseconds;
        var shiftMs = (long)shift.TotalMilliseconds;
        var now = time.GetUtcNow().UtcDateTime;
        var fromMs = ReportReader.EpochMs(p.From);
        var endMs = ReportReader.EpochMs(p.To < now ? p.To : now);

        // State time per agent and interval: each stretch cut at the intervals' edges, in C# (streamed, not held).
        var times = new Dictionary<(Guid, long), long[]>();
        var seen = new HashSet<Guid>();
        await foreach (var segment in reports.SegmentsAsync(p.From, p.To, only?.UserId).WithCancellation(cancellationToken))
        {
            seen.Add(segment.UserId);
            Spread(times, segment.UserId, segment.State, Math.Max(segment.StartMs, fromMs), Math.Min(segment.EndMs ?? endMs, endMs), sizeMs, shiftMs);
        }

        // Agents with no change in the range held one state through it: the one before their next change, or their current one.
        var before = await reports.StateBeforeFirstChangeAfterAsync(p.To, cancellationToken);
        foreach (var agent in agents.Where(a => !seen.Contains(a.UserId) && (only is null || a.UserId == only.UserId)))
        {
            var state = before.TryGetValue(agent.UserId, out var code) ? code : agent.State.ToCode();
            Spread(times, agent.UserId, state, fromMs, endMs, sizeMs, shiftMs);
        }

        var calls = (await reports.AgentCallsAsync(p.From, p.To, p.Interval, shift, only?.UserId, cancellationToken))
            .ToDictionary(c => (c.AgentId, c.Interval), c => (c.Handled, c.TalkMs));
        var wrapUps = (await reports.AgentWrapUpsAsync(p.From, p.To, p.Interval, shift, only?.UserId, cancellationToken))
            .ToDictionary(w => (w.AgentId, w.Interval), w => w.WrapUpMs);
        var names = agents.ToDictionary(a => a.UserId, a => a.DisplayName);
        var rows = new List<AgentIntervalRow>();
        foreach (var key in times.Keys.Union(calls.Keys).Union(wrapUps.Keys).Distinct())
        {
            var t = times.GetValueOrDefault(key) ?? new long[StateSlots];
            var (handled, talkMs) = calls.GetValueOrDefault(key);
            var working = t[OnCallSlot] + t[WrapUpSlot];
            if (handled == 0 && working + t[AvailableSlot] + t[BreakSlot] == 0)
            {
                continue; // Offline all interval and nothing done: not a line of the report.
            }

            var (start, end) = Bounds(key.Item2, sizeMs, shiftMs);
            rows.Add(new AgentIntervalRow
            {
                AgentId = key.Item1,
                AgentName = names.GetValueOrDefault(key.Item1) ?? key.Item1.ToString(),
                IntervalStart = start,
                IntervalEnd = end,
                Handled = (int)handled,
                AverageHandleSeconds = handled > 0 ? (talkMs + wrapUps.GetValueOrDefault(key)) / 1000.0 / handled : null,
                TalkSeconds = talkMs / 1000.0,
                WrapUpSeconds = t[WrapUpSlot] / 1000.0,
                BreakSeconds = t[BreakSlot] / 1000.0,
                AvailableSeconds = t[AvailableSlot] / 1000.0,
                OnCallSeconds = t[OnCallSlot] / 1000.0,
                OccupancyPercent = working + t[AvailableSlot] > 0 ? 100.0 * working / (working + t[AvailableSlot]) : null,
            });
        }

        return new ReportResult<AgentIntervalRow>(
            rows.OrderBy(r => r.AgentName, StringComparer.Ordinal).ThenBy(r => r.AgentId).ThenBy(r => r.IntervalStart).ToList(), [])
        {
            Period = p, TimeZone = clock.ZoneId,
        };
    }

    private const int AvailableSlot = 0;
    private const int OnCallSlot = 1;
    private const int WrapUpSlot = 2;
    private const int BreakSlot = 3;
    private const int StateSlots = 4;

    private static void Spread(Dictionary<(Guid, long), long[]> times, Guid agent, string state, long startMs, long endMs, long sizeMs, long shiftMs)
    {
        var slot = state switch
        {
            "available" => AvailableSlot,
            "reserved" or "busy" => OnCallSlot,
            "wrap-up" => WrapUpSlot,
            "break" => BreakSlot,
            _ => -1,
        };
        if (slot < 0 || endMs <= startMs)
        {
            return;
        }

        for (var bucket = Math.DivRem(startMs + shiftMs, sizeMs).Quotient; bucket * sizeMs - shiftMs < endMs; bucket++)
        {
            var bucketStart = bucket * sizeMs - shiftMs;
            var overlap = Math.Min(endMs, bucketStart + sizeMs) - Math.Max(startMs, bucketStart);
            if (overlap > 0)
            {
                var key = (agent, bucket);
                if (!times.TryGetValue(key, out var slots))
                {
                    times[key] = slots = new long[StateSlots];
                }

                slots[slot] += overlap;
            }
        }
    }

    private QueueIntervalRow Row(IntervalCounts counts, ReportPeriod period, TimeSpan shift)
    {
        var figures = WallboardCalculator.Figures(counts.Counts);
        var (start, end) = Bounds(counts.Interval, (long)period.Interval.TotalMilliseconds, (long)shift.TotalMilliseconds);
        return new QueueIntervalRow
        {
            Queue = counts.Queue, IntervalStart = start, IntervalEnd = end,
            Offered = figures.Offered, Answered = figures.Answered, AnsweredWithinThreshold = figures.AnsweredWithinThreshold,
            Abandoned = figures.Abandoned, ShortAbandoned = figures.ShortAbandoned, TimedOut = figures.TimedOut, Overflowed = figures.Overflowed,
            CallbacksRequested = figures.CallbacksRequested, ServiceLevelPercent = figures.ServiceLevelPercent,
            AverageSpeedOfAnswerSeconds = figures.AverageSpeedOfAnswerSeconds, AverageHandleSeconds = figures.AverageHandleSeconds,
            AbandonRatePercent = figures.AbandonRatePercent, LongestWaitSeconds = figures.LongestWaitSeconds,
        };
    }

    private (DateTimeOffset Start, DateTimeOffset End) Bounds(long bucket, long sizeMs, long shiftMs)
    {
        var start = DateTime.UnixEpoch.AddMilliseconds(bucket * sizeMs - shiftMs);
        var end = start.AddMilliseconds(sizeMs);
        return (Local(start), Local(end));
    }

    private DateTimeOffset Local(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(clock.Zone.GetUtcOffset(utc));

    // The zone's offset at the range's start, as a positive remainder of the interval: intervals then start on the
    // local clock through the whole range (clock changes move by whole hours, which every interval length divides).
    private TimeSpan Shift(ReportPeriod period)
    {
        var offsetMs = (long)clock.Zone.GetUtcOffset(period.From).TotalMilliseconds;
        var sizeMs = (long)period.Interval.TotalMilliseconds;
        return TimeSpan.FromMilliseconds(((offsetMs % sizeMs) + sizeMs) % sizeMs);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
