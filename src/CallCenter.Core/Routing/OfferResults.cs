namespace CallCenter.Core.Routing;

public enum OfferOutcome
{
    Applied,

    /// <summary>No such offer.</summary>
    NotFound,

    /// <summary>The offer is another agent's.</summary>
    NotYours,

    /// <summary>The offer is no longer ringing (rang out, withdrawn, already answered).</summary>
    NotRinging,
}

/// <summary>The answer to accepting or declining an offer, with the offer as it now stands.</summary>
public sealed record OfferResult(OfferOutcome Outcome, Offer? Offer)
{
    public bool Applied => Outcome == OfferOutcome.Applied;
}

/// <summary>What overflow decided for a call that waited past its queue's maximum wait.</summary>
public enum OverflowKind
{
    /// <summary>Moved to another queue, keeping its place by time; nothing to do on the call.</summary>
    Queue,

    /// <summary>The hub must redirect the call to leave a voicemail.</summary>
    Voicemail,

    /// <summary>The hub must redirect the call to be offered a callback that keeps its place.</summary>
    Callback,
}

/// <summary>One call overflowed, and how.</summary>
public sealed record OverflowAction(string CallSid, string FromQueue, OverflowKind Kind, string? ToQueue, string Language);
