using Dapper;

namespace CallCenter.Core.Desk.Data;

public interface IDeskWorkRepository
{
    /// <summary>Records accepted work; a repeat for the same offer changes nothing.</summary>
    Task AddAsync(DeskWork work, CancellationToken cancellationToken = default);

    /// <summary>The work of one offer, ended or not.</summary>
    Task<DeskWork?> ForOfferAsync(Guid offerId, CancellationToken cancellationToken = default);

    /// <summary>The agent's work not ended yet, oldest first.</summary>
    Task<IReadOnlyList<DeskWork>> ActiveForAgentAsync(Guid agentId, CancellationToken cancellationToken = default);

    /// <summary>The agent's latest work on this call, ended or not.</summary>
    Task<DeskWork?> LatestForCallAsync(Guid agentId, string callSid, CancellationToken cancellationToken = default);

    /// <summary>Whoever holds the call now (several agents while a warm transfer rings).</summary>
    Task<IReadOnlyList<DeskWork>> ActiveForCallAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>The agent's call (or callback) that ended last.</summary>
    Task<DeskWork?> LatestEndedCallAsync(Guid agentId, CancellationToken cancellationToken = default);

    /// <summary>Who holds the conversation now, if anyone.</summary>
    Task<DeskWork?> ActiveForConversationAsync(Guid conversationId, CancellationToken cancellationToken = default);

    Task<bool> SetPatientAsync(Guid offerId, Guid patientId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends the work; false when it had ended already (so only one ender reports it). The voice path ends a call's
    /// work itself when the agent's part ends; this is the desk's end (a conversation closed, a wrap-up after the
    /// agent left the call by other means).
    /// </summary>
    Task<bool> EndAsync(Guid offerId, string reason, DateTime at, CancellationToken cancellationToken = default);
}
