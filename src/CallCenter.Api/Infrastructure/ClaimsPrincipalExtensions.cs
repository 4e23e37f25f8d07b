using System.Security.Claims;
using CallCenter.Core.Accounts;

namespace CallCenter.Api.Infrastructure;

internal static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user, tied to the account's sign-out <paramref name="generation"/> (<see cref="AccountSessions"/>).</summary>
    public static ClaimsPrincipal ToPrincipal(this UserAccount user, string authenticationType, int generation) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Name, user.UserName),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(AccountSessions.GenerationClaim, generation.ToString(System.Globalization.CultureInfo.InvariantCulture)),
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
