using Dapper;

namespace CallCenter.Core.Desk.Voice;

/// <summary>
/// The voice path's view of the agent's work row (<c>desk_work</c>, implemented by <c>DeskWorkRepository</c>): one
/// row per offer, whose voice state starts when the voice path connects it. Every change is conditional (on the
/// row's version, or on its voice state not having started), so of two webhooks racing exactly one moves the call.
/// </summary>
public interface IDeskCallRepository
{
    /// <summary>The call's live record (connecting, connected, on-hold or transferring): at most one, by a unique index.</summary>
    Task<DeskCallRow?> FindLiveAsync(string callSid, CancellationToken cancellationToken = default);

    /// <summary>The offer's record once the voice path has started it (null before, and for a conversation).</summary>
    Task<DeskCallRow?> FindByOfferAsync(Guid offerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts the voice path on the offer's work (the desk stored it on accept), on <see cref="DeskCallRow.CallSid"/>
    /// (for a callback, the call placed to the patient). False, with nothing changed, when the offer has no work of
    /// that agent, its voice path started already (a repeat), or the call is still live with another agent's work
    /// (a lost race: the unique index on live calls refuses it). The row's <see cref="DeskCallRow.Version"/> is not
    /// written: the stored version is bumped.
    /// </summary>
    Task<bool> TryStartAsync(DeskCallRow row, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="changed"/> (its version ignored) only if the row is still at <paramref name="expectedVersion"/>.</summary>
    Task<bool> TryUpdateAsync(DeskCallRow changed, int expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="TryUpdateAsync(DeskCallRow, int, CancellationToken)"/>, appending <paramref name="completed"/> (if
    /// any) to the queue event log in the same transaction, with the offer's queue entry or callback request: the
    /// event exists exactly when the change was written.
    /// </summary>
    Task<bool> TryUpdateAsync(DeskCallRow changed, int expectedVersion, Wallboard.QueueEvent? completed, CancellationToken cancellationToken = default);
}
