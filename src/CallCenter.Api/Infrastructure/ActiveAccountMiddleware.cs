using CallCenter.Core.Accounts;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Infrastructure;

/// <summary>
/// Bearer tokens and cookies stay valid until they expire (hours). So that disabling an account, changing its role,
/// setting its password or a supervisor signing an agent out takes effect at once in practice, each signed-in request
/// checks the token's security stamp (<see cref="AccountSessions"/>) is the account's current one (a disabled account
/// has none), with the answer cached for <see cref="AuthOptions.SessionCheckSeconds"/> so a busy desk does not read the
/// account on every request. The process that makes the change forgets its cached answer at once; other processes
/// notice within the interval. Desk hub calls do not rely on this cache (<c>Desk/DeskSessionFilter</c>).
/// </summary>
internal sealed class ActiveAccountMiddleware(RequestDelegate next, IAccountSessionRepository sessions, IMemoryCache cache, IOptions<AuthOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var userId)
            && await CurrentStampAsync(userId, context.RequestAborted) != AccountSessions.ParseGeneration(context.User.FindFirst(AccountSessions.GenerationClaim)?.Value))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        await next(context);
    }

    /// <summary>The account's security stamp; null when the account is gone or disabled (no token matches).</summary>
    private async Task<int?> CurrentStampAsync(Guid userId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(("active-account", userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.Value.SessionCheckSeconds);
            return await sessions.CurrentStampAsync(userId, cancellationToken);
        });

    /// <summary>Forgets the cached answer, so a change to the account applies to its next request.</summary>
    public static void Forget(IMemoryCache cache, Guid userId) => cache.Remove(("active-account", userId));
}
