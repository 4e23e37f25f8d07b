namespace CallCenter.Core.Routing;

/// <summary>Offers as they stand, for the desk to show them and to check that an action names the agent's own work.</summary>
public interface IOfferReader
{
    Task<Offer?> FindAsync(Guid offerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Offer>> RingingForAgentAsync(Guid agentId, CancellationToken cancellationToken = default);

    /// <summary>The accepted offer of the call the agent is on (or last was on), to check an action is theirs.</summary>
    Task<Offer?> AcceptedForCallAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>The accepted offers of the conversations the agent holds.</summary>
    Task<IReadOnlyList<Offer>> HeldConversationsAsync(Guid agentId, CancellationToken cancellationToken = default);
}
