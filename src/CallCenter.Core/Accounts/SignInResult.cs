namespace CallCenter.Core.Accounts;

/// <summary>The outcome of a sign-in; <see cref="User"/> is set only on success.</summary>
public sealed record SignInResult(SignInOutcome Outcome, UserAccount? User = null, DateTime? LockedUntil = null);
