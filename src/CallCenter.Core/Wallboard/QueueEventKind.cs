namespace CallCenter.Core.Wallboard;

/// <summary>
/// What can happen to a call in a queue; stored in <c>queue_event.kind</c> by its code (<see cref="QueueEventKinds"/>).
/// docs/wallboard.md says which figure counts which kind.
/// </summary>
public enum QueueEventKind
{
    /// <summary>The call (or a callback request keeping its place) joined the queue: counted as offered to the queue.</summary>
    Entered,

    /// <summary>An agent's desk started ringing with the call.</summary>
    Offered,

    /// <summary>The agent turned the offer down; the call goes back in line.</summary>
    OfferDeclined,

    /// <summary>The offer rang out unanswered at the agent; the call goes back in line.</summary>
    RingNoAnswer,

    /// <summary>The hub took a ringing offer back (the desk went away); the call goes back in line.</summary>
    OfferWithdrawn,

    /// <summary>The caller and the agent are connected: answered, with the wait.</summary>
    Connected,

    /// <summary>A connected call ended; detail says who hung up (agent or caller), talk_ms how long it lasted.</summary>
    Completed,

    /// <summary>The caller hung up while waiting (or while an offer rang), with position and wait.</summary>
    Abandoned,

    /// <summary>The call waited the queue's maximum and was sent to voicemail, a callback or away.</summary>
    TimedOut,

    /// <summary>The call moved to the overflow queue (detail names it); the new queue records its own Entered.</summary>
    Overflowed,

    /// <summary>An agent sent the call to another queue (detail names it).</summary>
    Transferred,

    /// <summary>The caller left the line asking for a callback that keeps their place.</summary>
    CallbackRequested,
}
