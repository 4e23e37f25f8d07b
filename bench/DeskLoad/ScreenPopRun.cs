using System.Collections.Concurrent;
using System.Diagnostics;
using AgentDesk.Contracts;

namespace DeskLoad;

/// <summary>
/// Screen-pop latency: for each call, the time from sending the enqueue webhook to the offer (with its screen-pop)
/// arriving at an agent's desk, with every load agent connected. The caller then hangs up, which withdraws the offer.
/// </summary>
internal sealed class ScreenPopRun(SignedWebhooks webhooks, DeskLoadOptions options) : DeskEvents
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new(StringComparer.Ordinal);

    public override void OfferReceived(BenchAgent agent, DeskOffer offer, long receivedAt)
    {
        if (offer.CallSid is { } sid && _waiting.TryGetValue(sid, out var pending))
        {
            pending.TrySetResult(receivedAt);
        }
    }

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var warmup = Math.Min(50, options.Calls);
        Console.WriteLine($"warm-up: {warmup} calls");
        await SampleAsync(warmup, cancellationToken);
        Console.WriteLine($"measuring: {options.Calls} calls, {options.Concurrency} at a time");
        var (samples, missing) = await SampleAsync(options.Calls, cancellationToken);
        Console.WriteLine(Percentiles.Report("enqueue webhook sent -> offer received by the agent client", samples));
        Console.WriteLine($"calls without an offer within 5 s: {missing}");
        return missing == 0 ? 0 : 1;
    }

    private async Task<(List<double> Samples, int Missing)> SampleAsync(int count, CancellationToken cancellationToken)
    {
        var samples = new ConcurrentBag<double>();
        var missing = 0;
        var next = -1;
        var workers = Enumerable.Range(0, options.Concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                var callSid = SignedWebhooks.NewCallSid();
                var from = SignedWebhooks.NewCaller();
                var pending = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting[callSid] = pending;
                var sentAt = Stopwatch.GetTimestamp();
                await webhooks.IncomingAsync(callSid, from, cancellationToken);
                var arrived = await Task.WhenAny(pending.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
                if (arrived == pending.Task)
                {
                    samples.Add(Stopwatch.GetElapsedTime(sentAt, pending.Task.Result).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref missing);
                }

                _waiting.TryRemove(callSid, out TaskCompletionSource<long>? _);
                await webhooks.CompletedAsync(callSid, from, cancellationToken);
            }
        });
        await Task.WhenAll(workers);
        return ([.. samples], missing);
    }
}
