using Dapper;

namespace CallCenter.Core.Desk.Voice;

/// <summary>The voice path's calls. Every change is conditional on the row's version, so of two webhooks racing exactly one moves the call.</summary>
public interface IDeskCallRepository
{
    Task<DeskCallRow?> FindAsync(string callSid, CancellationToken cancellationToken = default);

    Task<DeskCallRow?> FindByOfferAsync(Guid offerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a new call, or replaces the call's ended row (a caller sent back in line meets the next agent). False,
    /// with nothing changed, when the call is still with an agent or the offer already has a row.
    /// </summary>
    Task<bool> TryStartAsync(DeskCallRow row, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="changed"/> (its version ignored) only if the row is still at <paramref name="expectedVersion"/>.</summary>
    Task<bool> TryUpdateAsync(DeskCallRow changed, int expectedVersion, CancellationToken cancellationToken = default);
}
