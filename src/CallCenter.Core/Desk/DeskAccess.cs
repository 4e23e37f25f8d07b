using AgentDesk.Contracts;
using CallCenter.Core.Accounts;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Routing;

namespace CallCenter.Core.Desk;

/// <summary>
/// Checks on the server that the offer, call or conversation an agent names is theirs: an agent acts only on work
/// offered to them. Someone else's work answers not-yours; unknown work not-found.
/// </summary>
public sealed class DeskAccess(IOfferReader offers, IDeskWorkRepository work)
{
    /// <summary>An offer the agent accepted (the work in hand, or just finished and in wrap-up).</summary>
    public async Task<Owned> AcceptedOfferAsync(Actor agent, Guid offerId, CancellationToken cancellationToken)
    {
        if (offerId == Guid.Empty)
        {
            return Owned.Refuse(DeskErrors.Invalid, "is required", "offerId");
        }

        var offer = await offers.FindAsync(offerId, cancellationToken);
        if (offer is null)
        {
            return Owned.Refuse(DeskErrors.NotFound, "no such offer", "offerId");
        }

        if (offer.AgentId != agent.UserId)
        {
            return Owned.Refuse(DeskErrors.NotYours, "the offer is another agent's", "offerId");
        }

        if (offer.Status != OfferStatus.Accepted)
        {
            return Owned.Refuse(DeskErrors.Refused, "accept the offer first", "offerId");
        }

        // By offer: a callback's work moves to the call placed to the patient, which the offer does not name.
        var held = offer.CallSid is not null && offer.Kind != WorkKind.Conversation
            ? await work.ForOfferAsync(offer.Id, cancellationToken)
            : null;
        return new Owned(held?.PatientId is { } linked ? offer with { PatientId = linked } : offer, held, null);
    }

    /// <summary>The call the agent is on now (not ended), with its accepted offer.</summary>
    public async Task<Owned> ActiveCallAsync(Actor agent, string? callSid, CancellationToken cancellationToken)
    {
        var found = await CallAsync(agent, callSid, cancellationToken);
        return found.Error is null && found.Work!.EndedAt is not null
            ? Owned.Refuse(DeskErrors.Refused, "the call has ended", "callSid")
            : found;
    }

    /// <summary>The agent's latest work on the call, ended or not.</summary>
    public async Task<Owned> CallAsync(Actor agent, string? callSid, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(callSid) || callSid.Length > 64)
        {
            return Owned.Refuse(DeskErrors.Invalid, "is required, at most 64 characters", "callSid");
        }

        var held = await work.LatestForCallAsync(agent.UserId, callSid, cancellationToken);
        if (held is null)
        {
            return await offers.AcceptedForCallAsync(callSid, cancellationToken) is null
                ? Owned.Refuse(DeskErrors.NotFound, "no such call at the desk", "callSid")
                : Owned.Refuse(DeskErrors.NotYours, "the call is another agent's", "callSid");
        }

        var offer = await offers.FindAsync(held.OfferId, cancellationToken);
        return offer is null
            ? Owned.Refuse(DeskErrors.NotFound, "no such call at the desk", "callSid")
            : new Owned(held.PatientId is { } linked ? offer with { PatientId = linked } : offer, held, null);
    }
}
