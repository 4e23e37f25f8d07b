using System.Collections.Concurrent;
using System.Diagnostics;

namespace WallboardLoad;

/// <summary>
/// Makes queue events flow at the asked rate through the hub's real webhook path: calls join the queue (entered) and,
/// after the hold time, their callers hang up (abandoned). Each event's moment is when its webhook answered: the
/// hub answers after the change and its queue event committed.
/// </summary>
internal sealed class EventRun(SignedWebhooks webhooks, WallboardLoadOptions options)
{
    private readonly ConcurrentBag<(long AnsweredAt, DateTime CommittedBy)> _events = [];
    private int _failed;

    public IReadOnlyCollection<(long AnsweredAt, DateTime CommittedBy)> Events => _events;

    public int Failed => _failed;

    public async Task<TimeSpan> RunAsync(CancellationToken cancellationToken)
    {
        var calls = options.Rate * options.Seconds / 2;
        var perSecond = options.Rate / 2.0;
        using var inFlight = new SemaphoreSlim(options.InFlight);
        var hangUps = new List<Task>(calls);
        var clock = Stopwatch.StartNew();
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
            entered = Record(await webhooks.IncomingAsync(sid, from, cancellationToken));
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
            Record(await webhooks.CompletedAsync(sid, from, cancellationToken));
        }
        finally
        {
            inFlight.Release();
        }
    }

    private bool Record(bool ok)
    {
        if (ok)
        {
            _events.Add((Stopwatch.GetTimestamp(), DateTime.UtcNow));
        }
        else
        {
            Interlocked.Increment(ref _failed);
        }

        return ok;
    }
}
