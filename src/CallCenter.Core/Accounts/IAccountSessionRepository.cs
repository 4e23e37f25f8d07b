namespace CallCenter.Core.Accounts;

/// <summary>
/// Sign-outs by a supervisor (<c>account_session</c>, migration 0026). Tokens and cookies carry the generation they
/// were issued under (claim <see cref="AccountSessions.GenerationClaim"/>); a sign-out counts the generation up, so every
/// earlier token stops working while a new sign-in works at once.
/// </summary>
public interface IAccountSessionRepository
{
    /// <summary>The account's current generation; 0 when it was never signed out.</summary>
    Task<int> GenerationAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Counts the generation up; the new generation.</summary>
    Task<int> SignOutAsync(Guid userId, Guid signedOutBy, DateTime at, CancellationToken cancellationToken = default);
}
