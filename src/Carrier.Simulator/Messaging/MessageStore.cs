using Microsoft.Extensions.Options;

namespace Carrier.Simulator.Messaging;

/// <summary>
/// Every SMS the simulator carried, and who opted out of which sender, in memory. Messages are capped in count and
/// age (<see cref="CarrierSimulatorOptions.MaxStoredMessages"/>, <see cref="CarrierSimulatorOptions.StoredItemMaxAge"/>),
/// opt-outs in count (<see cref="CarrierSimulatorOptions.MaxStoredPhones"/>), the oldest going first, so that no
/// client can fill the hub's memory.
/// </summary>
internal sealed class MessageStore(TimeProvider time, IOptions<CarrierSimulatorOptions> options)
{
    private readonly Lock _lock = new();
    private readonly List<SimulatedMessage> _messages = [];
    private readonly Dictionary<(string Patient, string Sender), long> _optedOut = [];
    private long _optOutSequence;

    public void Add(SimulatedMessage message)
    {
        lock (_lock)
        {
            _messages.Add(message);
            EvictMessages();
        }
    }

    /// <summary>One phone's thread, both directions, oldest first.</summary>
    public IReadOnlyList<SimulatedMessage> Thread(string number)
    {
        lock (_lock)
        {
            EvictMessages();
            return [.. _messages.Where(m => m.From == number || m.To == number)];
        }
    }

    /// <summary>Every message, newest first (the order of Twilio's Messages list).</summary>
    public IReadOnlyList<SimulatedMessage> NewestFirst()
    {
        lock (_lock)
        {
            EvictMessages();
            return [.. Enumerable.Reverse(_messages)];
        }
    }

    /// <summary>Opt-out is per pair, as with Twilio: STOP to one sender number blocks only that sender.</summary>
    public void SetOptedOut(string patient, string sender, bool optedOut)
    {
        lock (_lock)
        {
            if (!optedOut)
            {
                _optedOut.Remove((patient, sender));
                return;
            }

            _optedOut[(patient, sender)] = ++_optOutSequence;
            if (_optedOut.Count > options.Value.MaxStoredPhones)
            {
                _optedOut.Remove(_optedOut.MinBy(pair => pair.Value).Key);
            }
        }
    }

    public bool IsOptedOut(string patient, string sender)
    {
        lock (_lock)
        {
            return _optedOut.ContainsKey((patient, sender));
        }
    }

    // Under _lock. Messages are added in the order they are made, so the oldest are at the front.
    private void EvictMessages()
    {
        var limits = options.Value;
        var expired = time.GetUtcNow() - limits.StoredItemMaxAge;
        var drop = Math.Max(0, _messages.Count - limits.MaxStoredMessages);
        while (drop < _messages.Count && _messages[drop].DateCreated <= expired)
        {
            drop++;
        }

        if (drop > 0)
        {
            _messages.RemoveRange(0, drop);
        }
    }
}
