using System.Collections.Concurrent;

namespace Carrier.Simulator.Calls;

/// <summary>The simulator's calls and simulated far ends, in memory: it is a test carrier.</summary>
internal sealed class CallRegistry
{
    private readonly ConcurrentDictionary<string, SimulatedCall> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FarEndAnswer> _farEnds = new(StringComparer.Ordinal);
    private readonly Lock _claimLock = new();

    public void Add(SimulatedCall call) => _calls[call.Sid] = call;

    public SimulatedCall? Find(string callSid) => _calls.TryGetValue(callSid, out var call) ? call : null;

    /// <summary>Every call, newest first (the REST Calls list).</summary>
    public IReadOnlyList<SimulatedCall> NewestFirst() =>
        [.. _calls.Values.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Sid, StringComparer.Ordinal)];

    /// <summary>Calls from or to a number, newest first.</summary>
    public IReadOnlyList<SimulatedCall> ForNumber(string number) =>
        [.. _calls.Values.Where(c => c.From == number || c.To == number).OrderByDescending(c => c.CreatedAt)];

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

    public void SetFarEnd(string number, FarEndAnswer answer) => _farEnds[number] = answer;

    /// <summary>How a number answers; simulated phones answer unless told otherwise.</summary>
    public FarEndAnswer FarEnd(string number) => _farEnds.TryGetValue(number, out var answer) ? answer : FarEndAnswer.Answer;
}
