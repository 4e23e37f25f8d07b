namespace Carrier.Simulator.Messaging;

/// <summary>Every SMS the simulator carried, and who opted out of which sender, in memory.</summary>
internal sealed class MessageStore
{
    private readonly Lock _lock = new();
    private readonly List<SimulatedMessage> _messages = [];
    private readonly HashSet<(string Patient, string Sender)> _optedOut = [];
    private int _throttled;
    private TimeSpan _retryAfter;

    public void Add(SimulatedMessage message)
    {
        lock (_lock)
        {
            _messages.Add(message);
        }
    }

    /// <summary>One phone's thread, both directions, oldest first.</summary>
    public IReadOnlyList<SimulatedMessage> Thread(string number)
    {
        lock (_lock)
        {
            return [.. _messages.Where(m => m.From == number || m.To == number)];
        }
    }

    /// <summary>Messages to and from the given numbers (either may be null: any), sent on or after a time, newest first.</summary>
    public IReadOnlyList<SimulatedMessage> List(string? to, string? from, DateTimeOffset? sentOnOrAfter)
    {
        lock (_lock)
        {
            return [.. _messages
                .Where(m => (to is null || m.To == to) && (from is null || m.From == from))
                .Where(m => sentOnOrAfter is null || (m.DateSent ?? m.DateCreated) >= sentOnOrAfter)
                .OrderByDescending(m => m.DateCreated)];
        }
    }

    /// <summary>Makes the next <paramref name="count"/> message creates answer 429 with Retry-After, as a throttled Twilio account does.</summary>
    public void Throttle(int count, TimeSpan retryAfter)
    {
        lock (_lock)
        {
            _throttled = count;
            _retryAfter = retryAfter;
        }
    }

    /// <summary>Takes one throttled answer, if any are left.</summary>
    public TimeSpan? TakeThrottle()
    {
        lock (_lock)
        {
            if (_throttled <= 0)
            {
                return null;
            }

            _throttled--;
            return _retryAfter;
        }
    }

    /// <summary>Opt-out is per pair, as with Twilio: STOP to one sender number blocks only that sender.</summary>
    public void SetOptedOut(string patient, string sender, bool optedOut)
    {
        lock (_lock)
        {
            if (optedOut)
            {
                _optedOut.Add((patient, sender));
            }
            else
            {
                _optedOut.Remove((patient, sender));
            }
        }
    }

    public bool IsOptedOut(string patient, string sender)
    {
        lock (_lock)
        {
            return _optedOut.Contains((patient, sender));
        }
    }
}
