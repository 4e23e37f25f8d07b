namespace CallCenter.Core.Callbacks;

/// <summary>What firing one claimed callback did.</summary>
public enum CallbackFiring
{
    /// <summary>Outside calling hours: due again at the next window.</summary>
    Deferred,

    /// <summary>Agent-first: in the router's line.</summary>
    Offered,

    /// <summary>Customer-first: the patient's phone was dialled (or the carrier refused, counted as a failed attempt).</summary>
    Dialled,

    /// <summary>The claim was lost meanwhile (its lease ran out and another run took it): nothing done.</summary>
    Lost,
}
