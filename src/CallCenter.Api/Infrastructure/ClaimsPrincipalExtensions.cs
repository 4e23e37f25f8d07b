using System.Security.Claims;
using CallCenter.Core.Accounts;

namespace CallCenter.Api.Infrastructure;

internal static class ClaimsPrincipalExtensions
{
    public static ClaimsPrincipal ToPrincipal(this UserAccount user, string authenticationType) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim(ClaimTypes.Role, user.Role),
            ],
            authenticationType));

    /// <summary>The signed-in user as an <see cref="Actor"/>; only called behind an authorization policy.</summary>
    public static Actor ToActor(this ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = principal.FindFirstValue(ClaimTypes.Name);
        var role = principal.FindFirstValue(ClaimTypes.Role);
        if (!Guid.TryParse(id, out var userId) || name is null || role is null)
        {
            throw new InvalidOperationException("The principal is not a signed-in hub user.");
        }

        return new Actor(userId, name, role);
    }
}
