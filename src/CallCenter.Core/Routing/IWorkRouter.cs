namespace CallCenter.Core.Routing;

/// <summary>
/// Offers waiting work to agents. Safe with several hub processes on one database: claiming the work and reserving
/// the agent happen in one transaction, each conditional on the row still being free, so of two routers racing for
/// the same call or agent exactly one wins and the other changes nothing.
/// </summary>
public interface IWorkRouter
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
}
