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
