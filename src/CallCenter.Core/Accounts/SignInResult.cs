namespace CallCenter.Core.Accounts;

public enum SignInOutcome
{
    Succeeded,
    InvalidCredentials,
    LockedOut,
    Disabled,
}

/// <summary>The outcome of a sign-in; <see cref="User"/> is set only on success.</summary>
public sealed record SignInResult(SignInOutcome Outcome, UserAccount? User = null, DateTime? LockedUntil = null);
