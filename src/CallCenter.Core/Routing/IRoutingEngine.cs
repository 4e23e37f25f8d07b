namespace CallCenter.Core.Routing;

/// <summary>
/// Matches waiting work with agents. Safe with several hub processes on one database: claiming the work and
/// reserving the agent happen in one transaction, each conditional on the row still being free, so of two
/// routers racing for the same call or agent exactly one wins and the other changes nothing.
/// </summary>
public interface IRoutingEngine
{
    /// <summary>
    /// Offers waiting calls (by priority, then oldest first; a callback keeps its place) and waiting SMS
    /// conversations to the given agents, who are the ones with a live desk on this process. Each queue's
    /// strategy and required skills choose the agent. An agent who let this work ring out or declined it gets it
    /// again only when no one else can take it. Returns the offers made.
    /// </summary>
    Task<IReadOnlyList<Offer>> RouteAsync(IReadOnlyCollection<Guid> connectedAgents, CancellationToken cancellationToken = default);

    /// <summary>Offers one call to one named agent (a transfer); refused (null) unless the agent is available right now.</summary>
    Task<Offer?> OfferToAgentAsync(string callSid, Guid agentId, Guid transferredBy, string? note, CancellationToken cancellationToken = default);

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

    /// <summary>Moves a call (after an agent had it) back into a queue for a transfer, keeping its original place.</summary>
    Task<bool> RequeueAsync(string callSid, string queueName, CancellationToken cancellationToken = default);

    /// <summary>Calls waiting past their queue's maximum wait, each moved or marked as its queue's overflow says.</summary>
    Task<IReadOnlyList<OverflowAction>> OverflowAsync(CancellationToken cancellationToken = default);

    /// <summary>The agent closes a conversation they hold: it is closed and their SMS capacity freed.</summary>
    Task<bool> CloseConversationAsync(Guid conversationId, Guid agentId, CancellationToken cancellationToken = default);

    /// <summary>Links the (unknown) caller of an offer's work to a patient: the offer, the queue entry or conversation.</summary>
    Task<bool> LinkPatientAsync(Guid offerId, Guid patientId, CancellationToken cancellationToken = default);

    Task<Offer?> FindAsync(Guid offerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Offer>> RingingForAgentAsync(Guid agentId, CancellationToken cancellationToken = default);

    /// <summary>The accepted offer of the call the agent is on (or last was on), to check an action is theirs.</summary>
    Task<Offer?> AcceptedForCallAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>The accepted offers of the conversations the agent holds.</summary>
    Task<IReadOnlyList<Offer>> HeldConversationsAsync(Guid agentId, CancellationToken cancellationToken = default);
}
