using CallCenter.Core.Desk.Data;
using CallCenter.Core.Routing;

namespace CallCenter.Core.Desk;

/// <summary>
/// The end of a transfer for the agent who handed the call over. A warm transfer keeps them on the call (the caller
/// holding) until the target answers the offer: accepted, they are released just before the target is connected;
/// declined or rung out, they are released and the call goes back in line in its old place.
/// </summary>
public sealed class TransferHandover(IOfferReader offers, IDeskWorkRepository work, IDeskCallControl calls)
{
    public async Task ReleaseTransferrerAsync(Offer transferOffer, CancellationToken cancellationToken)
    {
        if (transferOffer is not { TransferredBy: { } previous, CallSid: { } callSid }
            || await work.LatestForCallAsync(previous, callSid, cancellationToken) is not { EndedAt: null } held
            || await offers.FindAsync(held.OfferId, cancellationToken) is not { } previousOffer)
        {
            return;
        }

        await calls.ReleaseAgentAsync(previousOffer, cancellationToken);
    }
}
