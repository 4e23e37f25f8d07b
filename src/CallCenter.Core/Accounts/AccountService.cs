using System.Security.Cryptography;
using CallCenter.Core.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CallCenter.Core.Accounts;

/// <summary>Sign-in with lockout, and account creation with the framework's password hasher.</summary>
public sealed class AccountService(
    IUserRepository users,
    IPasswordHasher<UserAccount> hasher,
    IOptions<AccountOptions> options,
    TimeProvider time)
{
    private readonly AccountOptions _options = options.Value;

    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByUserNameAsync(userName, cancellationToken);
        if (user is null)
        {
            // Hash anyway so an unknown user name takes as long as a wrong password.
            hasher.HashPassword(DummyUser, password);
            return new SignInResult(SignInOutcome.InvalidCredentials);
        }

        var now = time.GetUtcNow().UtcDateTime;
        // Verified before the lock is looked at, so a locked account answers in the time a wrong password takes.
        var verification = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (user.LockoutEndAt is { } lockedUntil && lockedUntil > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, LockedUntil: lockedUntil);
        }

        if (verification == PasswordVerificationResult.Failed)
        {
            await users.RecordFailedLoginAsync(user.Id, _options.MaxFailedLogins, now.AddMinutes(_options.LockoutMinutes), cancellationToken);
            return new SignInResult(SignInOutcome.InvalidCredentials);
        }

        if (user.IsDisabled)
        {
            return new SignInResult(SignInOutcome.Disabled);
        }

        if (verification == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await users.SetPasswordHashAsync(user.Id, hasher.HashPassword(user, password), cancellationToken);
        }

        await users.RecordSuccessfulLoginAsync(user.Id, now, cancellationToken);
        return new SignInResult(SignInOutcome.Succeeded, user);
    }

    /// <summary>Null when the password is acceptable, else the reason.</summary>
    public string? CheckPasswordStrength(string? password) =>
        password is null || password.Length < _options.MinPasswordLength
            ? $"must be at least {_options.MinPasswordLength} characters"
            : null;

    /// <summary>Creates an account; null when the user name is taken.</summary>
    public async Task<UserAccount?> CreateAsync(
        string userName, string displayName, string role, string password, CancellationToken cancellationToken = default)
    {
        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        }

        var user = new UserAccount
        {
            Id = Ids.New(time),
            UserName = userName.ToLowerInvariant(),
            DisplayName = displayName,
            Role = role,
            PasswordHash = string.Empty,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        user = user with { PasswordHash = hasher.HashPassword(user, password) };
        return await users.TryCreateAsync(user, cancellationToken) ? user : null;
    }

    public Task<bool> SetPasswordAsync(UserAccount user, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return users.SetPasswordHashAsync(user.Id, hasher.HashPassword(user, password), cancellationToken);
    }

    /// <summary>A random password for generated accounts: 20 characters from an unambiguous alphabet.</summary>
    public static string GeneratePassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20);

    private static readonly UserAccount DummyUser = new()
    {
        Id = Guid.Empty,
        UserName = string.Empty,
        DisplayName = string.Empty,
        Role = Roles.Agent,
        PasswordHash = string.Empty,
    };
}
