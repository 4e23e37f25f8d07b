using CallCenter.Core.Accounts;

namespace CallCenter.Api.Accounts;

/// <summary>A staff account as admins see it (never the password hash).</summary>
public sealed record UserResponse(Guid Id, string UserName, string DisplayName, string Role, bool IsDisabled, bool IsLockedOut, DateTime CreatedAt, DateTime? LastLoginAt)
{
    internal static UserResponse From(UserAccount user, DateTime now) =>
        new(user.Id, user.UserName, user.DisplayName, user.Role, user.IsDisabled, user.LockoutEndAt > now, user.CreatedAt, user.LastLoginAt);
}
