namespace CallCenter.Core.Accounts;

/// <summary>A staff account. The password hash never leaves the accounts feature.</summary>
public sealed record UserAccount
{
    public required Guid Id { get; init; }
    public required string UserName { get; init; }
    public required string DisplayName { get; init; }
    public required string Role { get; init; }
    public required string PasswordHash { get; init; }
    public int FailedLoginCount { get; init; }
    public DateTime? LockoutEndAt { get; init; }
    public bool IsDisabled { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? LastLoginAt { get; init; }
}
