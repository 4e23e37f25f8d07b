using System.Collections.Concurrent;
using System.Diagnostics;

namespace WallboardLoad;

/// <summary>
/// Makes queue events flow at the asked rate through the hub's real webhook path: calls join the queue (entered) and,
/// after the hold time, their callers hang up (abandoned). Each event's moment is when its webhook answered: the
/// hub answers after the change and its queue event committed. Each answered event also gets its ordinal among the
/// answered events of its kind: once k calls entered were answered, at least k had committed, so a board whose
/// offered count (over the run's start) reaches k shows the k-th change.
/// </summary>
internal sealed class EventRun(SignedWebhooks webhooks, WallboardLoadOptions options)
{
    private readonly ConcurrentBag<AnsweredEvent> _events = [];
    private int _failed;
    private int _entered;
    private int _abandoned;

    public IReadOnlyCollection<AnsweredEvent> Events => _events;

    public int Failed => _failed;

    /// <summary>While both kinds flow: from the first hang-up's due time until the last call was placed (Stopwatch ticks).</summary>
    public (long From, long To) Steady { get; private set; }

    public async Task<TimeSpan> RunAsync(CancellationToken cancellationToken)
    {
        var calls = options.Rate * options.Seconds / 2;
        var perSecond = options.Rate / 2.0;
        using var inFlight = new SemaphoreSlim(options.InFlight);
        var hangUps = new List<Task>(calls);
        var clock = Stopwatch.StartNew();
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            if (i > 0 && i % (int)Math.Max(1, perSecond * 10) == 0)
            {
                Console.WriteLine($"  {clock.Elapsed.TotalSeconds:F0} s: {i}/{calls} calls placed, {_events.Count} events answered, {_failed} failed");
            }

            await inFlight.WaitAsync(cancellationToken);
            hangUps.Add(CallAsync(inFlight, cancellationToken));
        }

        Steady = (started + (long)(options.HoldMilliseconds / 1000.0 * Stopwatch.Frequency), Stopwatch.GetTimestamp());
        await Task.WhenAll(hangUps);
        return clock.Elapsed;
    }

    private async Task CallAsync(SemaphoreSlim inFlight, CancellationToken cancellationToken)
    {
        var sid = SignedWebhooks.NewCallSid();
        var from = SignedWebhooks.NewCaller();
        bool entered;
        try
        {
            entered = Record(await webhooks.IncomingAsync(sid, from, cancellationToken), ref _entered, EventKind.Entered);
        }
        finally
        {
            inFlight.Release();
        }

        if (!entered)
        {
            return;
        }

        await Task.Delay(options.HoldMilliseconds, cancellationToken);
        await inFlight.WaitAsync(cancellationToken);
        try
        {
            Record(await webhooks.CompletedAsync(sid, from, cancellationToken), ref _abandoned, EventKind.Abandoned);
        }
        finally
        {
            inFlight.Release();
        }
    }

    private bool Record(bool ok, ref int answeredOfKind, EventKind kind)
    {
        if (ok)
        {
            _events.Add(new AnsweredEvent(Stopwatch.GetTimestamp(), DateTime.UtcNow, kind, Interlocked.Increment(ref answeredOfKind)));
        }
        else
        {
            Interlocked.Increment(ref _failed);
        }

        return ok;
    }
}
