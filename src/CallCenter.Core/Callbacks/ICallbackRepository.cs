using CallCenter.Core.Common;

namespace CallCenter.Core.Callbacks;

/// <summary>
/// Callback requests and their attempts. Every change after the claim is conditional (on the claim token, or on the
/// attempt and status), so a repeated or late webhook and a second job run or hub process change nothing.
/// </summary>
public interface ICallbackRepository
{
    /// <summary>Stores a callback to dial at <see cref="Callback.DueAt"/> (status scheduled).</summary>
    Task AddAsync(Callback callback, CancellationToken cancellationToken = default);

    Task<Callback?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>IDs and versions of callbacks due at <paramref name="now"/> (and claims older than the lease), oldest first.</summary>
    Task<IReadOnlyList<(Guid Id, int Version)>> DueAsync(DateTime now, DateTime staleBefore, int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims one due callback for <paramref name="token"/>: a single conditional update that changes nothing when
    /// another claimer got there first (the version moved). True when this claimer won.
    /// </summary>
    Task<bool> TryClaimAsync(Guid id, int version, Guid token, DateTime now, DateTime staleBefore, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims up to <paramref name="take"/> due callbacks (oldest due first) for <paramref name="token"/> in one
    /// conditional update; the number claimed. A callback another claimer holds is left out (the condition is checked
    /// again on each row as it is changed), so two claimers never share one.
    /// </summary>
    Task<int> ClaimDueAsync(Guid token, DateTime now, DateTime staleBefore, int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// Dials in flight whose attempt started (or whose call the carrier last said was still going) before
    /// <paramref name="before"/>: at most <paramref name="take"/>, oldest first.
    /// </summary>
    Task<IReadOnlyList<DialInFlight>> DialsInFlightAsync(DateTime before, int take, CancellationToken cancellationToken = default);

    /// <summary>The carrier says attempt <paramref name="attempt"/>'s call still goes: looked at again a check interval later.</summary>
    Task<bool> MarkDialCheckedAsync(Guid id, int attempt, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>The callbacks held by <paramref name="token"/>, with their queue's mode and the patient's zone.</summary>
    Task<IReadOnlyList<Callback>> ClaimedAsync(Guid token, CancellationToken cancellationToken = default);

    /// <summary>Claimed to <paramref name="status"/> (requested: the router's line; scheduled: deferred to <paramref name="dueAt"/>).</summary>
    Task<bool> ReleaseAsync(Guid id, Guid token, string status, DateTime? dueAt, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>Customer-first: claimed to dialling, one more attempt. False when the claim was lost.</summary>
    Task<bool> StartDialAsync(Guid id, Guid token, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>Agent-first: an agent accepted it and the desk dials now; the attempt's number, or null when it is not assigned.</summary>
    Task<int?> StartDeskDialAsync(Guid id, DateTime now, CancellationToken cancellationToken = default);

    /// <summary>Remembers the call of attempt <paramref name="attempt"/>.</summary>
    Task RecordDialAsync(Guid id, int attempt, string callSid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends attempt <paramref name="attempt"/> with <paramref name="outcome"/>, moving the callback to
    /// <paramref name="status"/> (done, scheduled again at <paramref name="dueAt"/>, or failed). False, with nothing
    /// changed, when that attempt is already over (a repeated or late webhook).
    /// </summary>
    Task<bool> EndAttemptAsync(Guid id, int attempt, string outcome, string status, DateTime? dueAt, DateTime now, CancellationToken cancellationToken = default);

    Task<Page<Callback>> ListAsync(CallbackQuery query, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>The open callbacks of one agent, soonest first (at most 100).</summary>
    Task<IReadOnlyList<Callback>> ForAgentAsync(Guid agentId, CancellationToken cancellationToken = default);

    /// <summary>Gives an open callback to another agent; false when it is over or unknown.</summary>
    Task<bool> ReassignAsync(Guid id, Guid agentId, DateTime now, CancellationToken cancellationToken = default);
}
