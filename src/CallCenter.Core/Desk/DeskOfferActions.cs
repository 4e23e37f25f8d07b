using AgentDesk.Contracts;
using CallCenter.Core.Accounts;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Routing;

namespace CallCenter.Core.Desk;

/// <summary>Accepting and declining offers.</summary>
public sealed class DeskOfferActions(
    IOfferLifecycle offers,
    IDeskCallControl calls,
    IDeskWorkRepository work,
    IDeskNotifier notifier,
    TransferHandover handover,
    IRoutingSignal routing,
    DeskAudit audit,
    TimeProvider time)
{
    public async Task<DeskResult> AcceptAsync(Actor agent, Guid offerId, CancellationToken cancellationToken)
    {
        if (offerId == Guid.Empty)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required", "offerId");
        }

        var answer = await offers.AcceptAsync(offerId, agent.UserId, cancellationToken);
        if (Refusal(answer) is { } refused)
        {
            return await audit.WriteAsync(agent, "accept", answer.Offer?.AgentId == agent.UserId ? answer.Offer.PatientId : null, refused, $"offer {offerId}", cancellationToken);
        }

        var offer = answer.Offer!;
        var now = time.GetUtcNow().UtcDateTime;
        var held = new DeskWork
        {
            OfferId = offer.Id,
            AgentId = agent.UserId,
            Kind = offer.Kind.ToCode(),
            CallSid = offer.Kind == WorkKind.Conversation ? null : offer.CallSid,
            ConversationId = offer.ConversationId,
            QueueName = offer.QueueName,
            PatientId = offer.PatientId,
            AcceptedAt = now,
        };
        await work.AddAsync(held, cancellationToken);

        var result = DeskResult.Success(offer.Id.ToString());
        if (offer.Kind != WorkKind.Conversation)
        {
            // A warm transfer ends for the agent who handed the call over once the new agent has it: released
            // first, so the call is free to be connected to the new agent. CallConnected is the voice path's to
            // push, when the agent's phone answers: accepting only starts connecting.
            await handover.ReleaseTransferrerAsync(offer, cancellationToken);
            result = await calls.ConnectAsync(offer, cancellationToken);
        }

        await notifier.StateChangedAsync(agent.UserId, cancellationToken);
        return await audit.WriteAsync(agent, "accept", offer.PatientId, result, $"offer {offer.Id} {offer.Kind.ToCode()}", cancellationToken);
    }

    public async Task<DeskResult> DeclineAsync(Actor agent, Guid offerId, CancellationToken cancellationToken)
    {
        if (offerId == Guid.Empty)
        {
            return DeskResult.Fail(DeskErrors.Invalid, "is required", "offerId");
        }

        var answer = await offers.DeclineAsync(offerId, agent.UserId, cancellationToken);
        if (Refusal(answer) is { } refused)
        {
            return await audit.WriteAsync(agent, "decline", null, refused, $"offer {offerId}", cancellationToken);
        }

        if (answer.Offer is { } declined)
        {
            await handover.ReleaseTransferrerAsync(declined, cancellationToken);
        }

        await notifier.OfferWithdrawnAsync(agent.UserId, new OfferWithdrawn(offerId, "declined"), cancellationToken);
        await notifier.StateChangedAsync(agent.UserId, cancellationToken);
        routing.Wake();
        return await audit.WriteAsync(agent, "decline", answer.Offer?.PatientId, DeskResult.Success(), $"offer {offerId}", cancellationToken);
    }

    public static DeskCall Call(DeskWork held) => new()
    {
        CallSid = held.CallSid ?? string.Empty,
        OfferId = held.OfferId,
        Queue = held.QueueName,
        PatientId = held.PatientId,
        ConnectedAt = DeskTimes.Utc(held.AcceptedAt),
        OnHold = held.OnHold,
    };

    private static DeskResult? Refusal(OfferResult answer) => answer.Outcome switch
    {
        OfferOutcome.Applied => null,
        OfferOutcome.NotFound => DeskResult.Fail(DeskErrors.NotFound, "no such offer", "offerId"),
        OfferOutcome.NotYours => DeskResult.Fail(DeskErrors.NotYours, "the offer is another agent's", "offerId"),
        _ => DeskResult.Fail(DeskErrors.Refused, "the offer is no longer ringing", "offerId"),
    };
}
