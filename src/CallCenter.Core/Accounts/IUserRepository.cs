using CallCenter.Core.Common;

namespace CallCenter.Core.Accounts;

public interface IUserRepository
{
    Task<UserAccount?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default);

    Task<UserAccount?> FindByUserNameAsync(string userName, CancellationToken cancellationToken = default);

    /// <summary>Inserts the account; false when the user name is taken.</summary>
    Task<bool> TryCreateAsync(UserAccount user, CancellationToken cancellationToken = default);

    Task<bool> AnyAsync(CancellationToken cancellationToken = default);

    Task<Page<UserAccount>> ListAsync(PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Counts a failed sign-in and locks the account until <paramref name="lockUntil"/> when it reaches the limit.</summary>
    Task RecordFailedLoginAsync(Guid id, int maxFailedLogins, DateTime lockUntil, CancellationToken cancellationToken = default);

    Task RecordSuccessfulLoginAsync(Guid id, DateTime at, CancellationToken cancellationToken = default);

    Task<bool> UpdateAsync(Guid id, string displayName, string role, bool isDisabled, CancellationToken cancellationToken = default);

    Task<bool> SetPasswordHashAsync(Guid id, string passwordHash, CancellationToken cancellationToken = default);

    /// <summary>Clears the failed-login count and any lockout.</summary>
    Task<bool> UnlockAsync(Guid id, CancellationToken cancellationToken = default);
}
