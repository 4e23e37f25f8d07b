namespace CallCenter.Core.Routing;

/// <summary>The answer to accepting or declining an offer, with the offer as it now stands.</summary>
public sealed record OfferResult(OfferOutcome Outcome, Offer? Offer)
{
    public bool Applied => Outcome == OfferOutcome.Applied;
}
