namespace Carrier.Simulator.Messaging;

/// <summary>Every SMS the simulator carried, and who opted out of which sender, in memory.</summary>
internal sealed class MessageStore
{
    private readonly Lock _lock = new();
    private readonly List<SimulatedMessage> _messages = [];
    private readonly HashSet<(string Patient, string Sender)> _optedOut = [];

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

    /// <summary>Every message, newest first (the order of Twilio's Messages list).</summary>
    public IReadOnlyList<SimulatedMessage> NewestFirst()
    {
        lock (_lock)
        {
            return [.. Enumerable.Reverse(_messages)];
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
