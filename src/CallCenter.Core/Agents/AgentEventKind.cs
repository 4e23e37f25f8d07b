namespace CallCenter.Core.Agents;

/// <summary>What can happen to an agent's state.</summary>
public enum AgentEventKind
{
    /// <summary>The agent makes themselves available (from offline or a break).</summary>
    SetAvailable,

    /// <summary>The agent takes a break; a reason is required.</summary>
    SetBreak,

    /// <summary>The agent signs off; refused while an offer rings or a call is on.</summary>
    SetOffline,

    /// <summary>The agent ends wrap-up before its time runs out.</summary>
    EndWrapUp,

    /// <summary>A router reserved the agent for an offer.</summary>
    OfferReserved,

    /// <summary>The agent took the offer: the call is theirs.</summary>
    OfferAccepted,

    /// <summary>The agent turned the offer down; not a missed offer.</summary>
    OfferDeclined,

    /// <summary>The offer rang out unanswered: a missed offer.</summary>
    OfferTimedOut,

    /// <summary>The agent's call ended; wrap-up follows for the queue's wrap-up time.</summary>
    CallEnded,

    /// <summary>The wrap-up time ran out.</summary>
    WrapUpExpired,

    /// <summary>The hub took the ringing offer back (the caller hung up, the desk went away); not a missed offer.</summary>
    OfferWithdrawn,
}
