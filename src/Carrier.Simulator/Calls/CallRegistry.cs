using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Carrier.Simulator.Calls;

/// <summary>
/// The simulator's calls and simulated far ends, in memory: it is a test carrier. Both are capped in count and age
/// (<see cref="CarrierSimulatorOptions.MaxStoredCalls"/>, <see cref="CarrierSimulatorOptions.MaxStoredPhones"/>,
/// <see cref="CarrierSimulatorOptions.StoredItemMaxAge"/>), the oldest going first, so that no client can fill the
/// hub's memory. A call evicted while still live runs on, but can no longer be found or changed.
/// </summary>
internal sealed class CallRegistry(TimeProvider time, IOptions<CarrierSimulatorOptions> options)
{
    private readonly ConcurrentDictionary<string, SimulatedCall> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FarEndSetting> _farEnds = new(StringComparer.Ordinal);
    private readonly Lock _claimLock = new();
    private readonly Lock _evictionLock = new();
    private readonly Queue<SimulatedCall> _callsByAge = new();
    private readonly Queue<(string Number, FarEndSetting Setting)> _farEndsByAge = new();

    public void Add(SimulatedCall call)
    {
        lock (_evictionLock)
        {
            _calls[call.Sid] = call;
            _callsByAge.Enqueue(call);
            Evict();
        }
    }

    public SimulatedCall? Find(string callSid)
    {
        EvictExpired();
        return _calls.TryGetValue(callSid, out var call) ? call : null;
    }

    /// <summary>Every call, newest first (the REST Calls list).</summary>
    public IReadOnlyList<SimulatedCall> NewestFirst()
    {
        EvictExpired();
        return [.. _calls.Values.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Sid, StringComparer.Ordinal)];
    }

    /// <summary>Calls from or to a number, newest first.</summary>
    public IReadOnlyList<SimulatedCall> ForNumber(string number)
    {
        EvictExpired();
        return [.. _calls.Values.Where(c => c.From == number || c.To == number).OrderByDescending(c => c.CreatedAt)];
    }

    /// <summary>The caller waiting longest in a queue, if any.</summary>
    public SimulatedCall? LongestWaiting(string queueName) =>
        _calls.Values
            .Where(c => !c.IsEnded && string.Equals(c.QueueName, queueName, StringComparison.Ordinal))
            .OrderBy(c => c.EnqueuedAt)
            .FirstOrDefault();

    /// <summary>Takes the caller waiting longest out of a queue, so that two agents never get the same caller.</summary>
    public SimulatedCall? TryClaimLongestWaiting(string queueName)
    {
        lock (_claimLock)
        {
            var caller = LongestWaiting(queueName);
            if (caller is not null)
            {
                caller.QueueName = null;
            }

            return caller;
        }
    }

    public IReadOnlyList<SimulatedCall> InQueue(string queueName) =>
        [.. _calls.Values.Where(c => !c.IsEnded && string.Equals(c.QueueName, queueName, StringComparison.Ordinal)).OrderBy(c => c.EnqueuedAt)];

    public void SetFarEnd(string number, FarEndAnswer answer)
    {
        lock (_evictionLock)
        {
            var setting = new FarEndSetting(answer, time.GetUtcNow());
            _farEnds[number] = setting;
            _farEndsByAge.Enqueue((number, setting));
            Evict();
        }
    }

    /// <summary>How a number answers; simulated phones answer unless told otherwise.</summary>
    public FarEndAnswer FarEnd(string number)
    {
        EvictExpired();
        return _farEnds.TryGetValue(number, out var setting) ? setting.Answer : FarEndAnswer.Answer;
    }

    private void EvictExpired()
    {
        lock (_evictionLock)
        {
            Evict();
        }
    }

    // Under _evictionLock. Calls are added in the order they are made, so the oldest is always at the front.
    private void Evict()
    {
        var limits = options.Value;
        var expired = time.GetUtcNow() - limits.StoredItemMaxAge;
        while (_callsByAge.TryPeek(out var oldest) && (_callsByAge.Count > limits.MaxStoredCalls || oldest.CreatedAt <= expired))
        {
            _callsByAge.Dequeue();
            _calls.TryRemove(new KeyValuePair<string, SimulatedCall>(oldest.Sid, oldest));
        }

        // A number set again is queued again; its older queue entry no longer matches and only leaves the queue.
        while (_farEndsByAge.TryPeek(out var oldest) && (_farEnds.Count > limits.MaxStoredPhones || _farEndsByAge.Count > 2 * limits.MaxStoredPhones || oldest.Setting.SetAt <= expired))
        {
            _farEndsByAge.Dequeue();
            _farEnds.TryRemove(new KeyValuePair<string, FarEndSetting>(oldest.Number, oldest.Setting));
        }
    }

    private sealed record FarEndSetting(FarEndAnswer Answer, DateTimeOffset SetAt);
}
