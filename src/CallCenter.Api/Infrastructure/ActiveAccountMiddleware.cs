using CallCenter.Core.Accounts;
using Microsoft.Extensions.Caching.Memory;

namespace CallCenter.Api.Infrastructure;

/// <summary>
/// Bearer tokens and cookies stay valid until they expire (hours). So that disabling an account takes effect
/// at once in practice, each signed-in request checks the account is still enabled, with the answer cached
/// for <see cref="CheckInterval"/> so a busy desk does not read the account on every request.
/// </summary>
internal sealed class ActiveAccountMiddleware(RequestDelegate next, IUserRepository users, IMemoryCache cache)
{
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && Guid.TryParse(context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var userId)
            && !await IsActiveAsync(userId, context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        await next(context);
    }

    private async Task<bool> IsActiveAsync(Guid userId, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(("active-account", userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CheckInterval;
            return await users.FindByIdAsync(userId, cancellationToken) is { IsDisabled: false };
        });

    /// <summary>Forgets the cached answer, so a change to the account applies to its next request.</summary>
    public static void Forget(IMemoryCache cache, Guid userId) => cache.Remove(("active-account", userId));
}
