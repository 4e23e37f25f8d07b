using AgentDesk.Contracts;
using CallCenter.Core.Accounts;
using CallCenter.Core.Agents;
using CallCenter.Core.Routing;

namespace CallCenter.Core.Desk;

/// <summary>Maps the routing and agent-state records to the desk contract.</summary>
public static class DeskOffers
{
    public static DeskOffer From(Offer offer, DeskScreenPop pop, string? transferredBy) => new()
    {
        OfferId = offer.Id,
        Kind = offer.Kind.ToCode(),
        CallSid = offer.Kind == WorkKind.Conversation ? null : offer.CallSid,
        ConversationId = offer.ConversationId,
        Queue = offer.QueueName,
        OfferedAt = DeskTimes.Utc(offer.OfferedAt),
        ExpiresAt = DeskTimes.Utc(offer.ExpiresAt),
        TransferredBy = transferredBy,
        TransferNote = offer.TransferNote,
        ScreenPop = pop,
    };

    public static DeskAgentState State(AgentStatus status) => new()
    {
        State = status.State.ToCode(),
        Reason = status.Reason,
        Since = DeskTimes.Utc(status.Since),
        WrapUpUntil = DeskTimes.Utc(status.WrapUpUntil),
        MissedOffers = status.MissedOffers,
    };

    public static Actor ToActor(this UserAccount user) => new(user.Id, user.UserName, user.Role);
}
