namespace Carrier.Simulator.Calls;

/// <summary>What can happen to a call from outside its TwiML: the caller acts, the hub redirects, a queue bridges.</summary>
internal enum CallerEventKind
{
    Digits,
    Speech,
    Hangup,
    Redirect,
    Bridge,

    /// <summary>The party the call dialled (the agent's phone) hangs up; the caller's call goes on with the Dial's action.</summary>
    DialedPartyHangup,
}

/// <summary>One event for a call's executor. <see cref="Peer"/> is the agent's call on a bridge.</summary>
internal sealed record CallerEvent(CallerEventKind Kind, string? Text = null, string? Method = null, string? Twiml = null, SimulatedCall? Peer = null)
{
    /// <summary>Hangup, redirect and bridge end whatever the call was doing; digits and speech are input.</summary>
    public bool Interrupts => Kind is CallerEventKind.Hangup or CallerEventKind.Redirect or CallerEventKind.Bridge;
}

/// <summary>Thrown inside the executor when an interrupting event arrives, to unwind to whoever handles it.</summary>
internal sealed class CallInterruptedException : Exception
{
    public CallInterruptedException()
    {
        Event = new CallerEvent(CallerEventKind.Hangup);
    }

    public CallInterruptedException(string message)
        : base(message)
    {
        Event = new CallerEvent(CallerEventKind.Hangup);
    }

    public CallInterruptedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Event = new CallerEvent(CallerEventKind.Hangup);
    }

    public CallInterruptedException(CallerEvent callerEvent)
        : base("The call was interrupted: " + callerEvent.Kind)
    {
        Event = callerEvent;
    }

    public CallerEvent Event { get; }
}
