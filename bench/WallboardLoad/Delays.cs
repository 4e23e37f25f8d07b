using System.Diagnostics;

namespace WallboardLoad;

/// <summary>The run's delays, from what every board received and when each event's webhook answered.</summary>
internal sealed class Delays(IReadOnlyList<Push[]> boards, IReadOnlyCollection<AnsweredEvent> events, Push baseline)
{
    /// <summary>
    /// For each event, until the last board showed it: the first push whose count of its kind reached the run's start
    /// plus its ordinal. Counts, not the moment a board was computed, decide, so a board computed between the event's
    /// commit and its webhook's answer counts as showing it (it does). Null: some board never showed it.
    /// </summary>
    public (List<double> Delays, int Missing) UntilShown()
    {
        var delays = new List<double>(events.Count);
        var missing = 0;
        foreach (var e in events)
        {
            var needed = e.Ordinal + (e.Kind == EventKind.Entered ? baseline.Offered : baseline.Abandoned);
            var latest = Latest(push => (e.Kind == EventKind.Entered ? push.Offered : push.Abandoned) >= needed);
            if (latest is { } last)
            {
                delays.Add(Math.Max(0, Stopwatch.GetElapsedTime(e.AnsweredAt, last).TotalMilliseconds));
            }
            else
            {
                missing++;
            }
        }

        return (delays, missing);
    }

    /// <summary>
    /// For each event, until the last board had a board computed after its webhook answered: an upper bound, since the
    /// event committed before the answer, and a board computed in between already showed it.
    /// </summary>
    public List<double> UntilComputedAfter() =>
        [.. events.Select(e => Latest(push => push.At >= e.AnsweredUtc) is { } last
            ? Math.Max(0, Stopwatch.GetElapsedTime(e.AnsweredAt, last).TotalMilliseconds)
            : double.NaN).Where(d => !double.IsNaN(d))];

    /// <summary>Each version that reached every board: from the moment the hub computed it until the last board had it.</summary>
    public List<double> ComputedToEveryBoard() =>
        [.. boards.SelectMany(b => b)
            .GroupBy(p => p.Version)
            .Where(g => g.Count() == boards.Count)
            .Select(g => (g.Max(p => p.ReceivedUtc) - g.First().At).TotalMilliseconds)];

    // The latest arrival, over every board, of that board's first push that shows the event; null if one never did.
    private long? Latest(Func<Push, bool> shows)
    {
        long latest = 0;
        foreach (var pushes in boards)
        {
            var first = FirstShowing(pushes, shows);
            if (first < 0)
            {
                return null;
            }

            latest = Math.Max(latest, pushes[first].ReceivedAt);
        }

        return latest;
    }

    // Binary search: what a board shows only grows from push to push.
    private static int FirstShowing(Push[] pushes, Func<Push, bool> shows)
    {
        int low = 0, high = pushes.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (shows(pushes[middle]))
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low < pushes.Length ? low : -1;
    }
}
