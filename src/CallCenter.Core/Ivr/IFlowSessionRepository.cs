namespace CallCenter.Core.Ivr;

/// <summary>The state of calls and SMS conversations in flows, keyed by CallSid (or the SMS conversation key).</summary>
public interface IFlowSessionRepository
{
    Task<StoredSession?> FindAsync(string sessionKey, CancellationToken cancellationToken = default);

    /// <summary>False, with nothing written, when a session with this key exists (a repeated first webhook).</summary>
    Task<bool> TryInsertAsync(StoredSession session, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the row only if its turn is still <paramref name="expectedTurn"/>; false when another webhook moved
    /// the session first (the caller's answer is then the stored one).
    /// </summary>
    Task<bool> TryUpdateAsync(StoredSession session, int expectedTurn, CancellationToken cancellationToken = default);
}
