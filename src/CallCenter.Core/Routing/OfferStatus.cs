namespace CallCenter.Core.Routing;

/// <summary>Where an offer stands. Only a ringing offer can change; the others are final.</summary>
public enum OfferStatus
{
    Ringing,
    Accepted,
    Declined,
    TimedOut,

    /// <summary>Taken back by the hub: the caller left, the agent's desk disconnected, a transfer was cancelled.</summary>
    Withdrawn,
}
