namespace CallCenter.Core.Routing;

/// <summary>
/// What happens to an offer once made: it is accepted, declined, rings out or is withdrawn, and then the agent
/// works with what they took. Each change is conditional on the offer (or the work) still being as expected, so
/// of two hubs answering the same offer at once exactly one changes it.
/// </summary>
public interface IOfferLifecycle
{
    /// <summary>The agent takes the offer: the offer is accepted, the agent busy (a call) and the work theirs.</summary>
    Task<OfferResult> AcceptAsync(Guid offerId, Guid agentId, CancellationToken cancellationToken = default);

    /// <summary>The agent turns the offer down: the work goes back in line in its old place; not a missed offer.</summary>
    Task<OfferResult> DeclineAsync(Guid offerId, Guid agentId, CancellationToken cancellationToken = default);

    /// <summary>Offers that rang out by now: each counts as a missed offer for its agent, the work goes back in line.</summary>
    Task<IReadOnlyList<Offer>> ExpireAsync(CancellationToken cancellationToken = default);

    /// <summary>The agent's desk went away: their ringing offers go back in line and the agent is made available again.</summary>
    Task<IReadOnlyList<Offer>> WithdrawForAgentAsync(Guid agentId, string reason, CancellationToken cancellationToken = default);

    /// <summary>The caller hung up or left the queue: the call's ringing offer (if any) ends and the agent is freed.</summary>
    Task<Offer?> WithdrawForCallAsync(string callSid, string reason, CancellationToken cancellationToken = default);

    /// <summary>Links the (unknown) caller of an offer's work to a patient: the offer, the queue entry or conversation.</summary>
    Task<bool> LinkPatientAsync(Guid offerId, Guid patientId, CancellationToken cancellationToken = default);

    /// <summary>The agent closes a conversation they hold: it is closed and their SMS capacity freed.</summary>
    Task<bool> CloseConversationAsync(Guid conversationId, Guid agentId, CancellationToken cancellationToken = default);
}
