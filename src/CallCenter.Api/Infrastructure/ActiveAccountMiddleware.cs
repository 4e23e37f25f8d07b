using CallCenter.Core.Accounts;
using Microsoft.Extensions.Caching.Memory;

namespace CallCenter.Api.Infrastructure;

/// <summary>
/// Bearer tokens and cookies stay valid until they expire (hours). So that disabling an account, or a supervisor
/// signing an agent out, takes effect at once in practice, each signed-in request checks the account is still
/// enabled and the token's sign-out generation (<see cref="AccountSessions"/>) is the account's current one, with the
/// answer cached for <see cref="CheckInterval"/> so a busy desk does not read the account on every request.
/// </summary>
internal sealed class ActiveAccountMiddleware(RequestDelegate next, IUserRepository users, IAccountSessionRepository sessions, IMemoryCache cache)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var userId)
            && await CurrentGenerationAsync(userId, context.RequestAborted) != AccountSessions.ParseGeneration(context.User.FindFirst(AccountSessions.GenerationClaim)?.Value))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        await next(context);
    }

    /// <summary>The account's sign-out generation; null when the account is gone or disabled (no token matches).</summary>
    private async Task<int?> CurrentGenerationAsync(Guid userId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(("active-account", userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CheckInterval;
            return await users.FindByIdAsync(userId, cancellationToken) is { IsDisabled: false }
                ? await sessions.GenerationAsync(userId, cancellationToken)
                : (int?)null;
        });

    /// <summary>Forgets the cached answer, so a change to the account applies to its next request.</summary>
    public static void Forget(IMemoryCache cache, Guid userId) => cache.Remove(("active-account", userId));
}
