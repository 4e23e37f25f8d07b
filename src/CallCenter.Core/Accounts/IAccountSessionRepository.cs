namespace CallCenter.Core.Accounts;

/// <summary>
/// The account's security stamp (<c>account_session</c>, migration 0026): a generation counted up by a supervisor's
/// sign-out and by an admin disabling the account, changing its role or setting its password. Tokens and cookies carry
/// the generation they were issued under (claim <see cref="AccountSessions.GenerationClaim"/>), so counting it up makes
/// every earlier token stop working while a new sign-in works at once.
/// </summary>
public interface IAccountSessionRepository
{
    /// <summary>The account's current generation; 0 when it was never signed out.</summary>
    Task<int> GenerationAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The generation a token must carry to be valid now, read from the database (no cache): null when the account is
    /// gone or disabled, so no token matches.
    /// </summary>
    Task<int?> CurrentStampAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="CurrentStampAsync"/> of every account in one read (for the sweep over a node's live desks): accounts
    /// that are disabled map to null; an account missing from the answer is gone.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, int?>> CurrentStampsAsync(CancellationToken cancellationToken = default);

    /// <summary>Counts the generation up; the new generation.</summary>
    Task<int> SignOutAsync(Guid userId, Guid signedOutBy, DateTime at, CancellationToken cancellationToken = default);
}
