namespace Carrier.Simulator.Messaging;

/// <summary>
/// Plays a carrier whose queue is backed up: while holding, outbound messages are accepted and stay "queued" (no
/// date sent, no status callbacks), as a Twilio message can for a while; released, they go on as usual. Set through
/// <c>PUT /simulator/message-hold</c>; off by default.
/// </summary>
internal sealed class MessageHold
{
    private readonly Lock _lock = new();
    private readonly List<SimulatedMessage> _held = [];
    private bool _holding;

    public bool Holding
    {
        get
        {
            lock (_lock)
            {
                return _holding;
            }
        }
    }

    /// <summary>Keeps the message queued when holding; false when it should be delivered now.</summary>
    public bool TryHold(SimulatedMessage message)
    {
        lock (_lock)
        {
            if (_holding)
            {
                _held.Add(message);
            }

            return _holding;
        }
    }

    /// <summary>Starts or stops holding; stopping hands back the held messages, oldest first, to be delivered.</summary>
    public IReadOnlyList<SimulatedMessage> Set(bool holding)
    {
        lock (_lock)
        {
            _holding = holding;
            if (holding)
            {
                return [];
            }

            var released = _held.ToList();
            _held.Clear();
            return released;
        }
    }
}
