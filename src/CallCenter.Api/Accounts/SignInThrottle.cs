using System.Threading.RateLimiting;
using CallCenter.Api.Infrastructure;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Accounts;

/// <summary>
/// Sign-in attempts per user name per minute (<see cref="AuthOptions.SignInPermitsPerAccountPerMinute"/>), beside the
/// per-address limit of the rate limiter: that one cannot see the user name, which is in the body. Kept in this
/// process's memory; with several hub nodes each node counts its own attempts.
/// </summary>
internal sealed class SignInThrottle(IOptions<AuthOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(
        userName => RateLimitPartition.GetFixedWindowLimiter(userName, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInPermitsPerAccountPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }),
        StringComparer.Ordinal);

    /// <summary>Whether one more attempt for this user name (any case) is allowed now.</summary>
    public bool TryAttempt(string userName)
    {
        using var lease = _limiter.AttemptAcquire(userName.Trim().ToLowerInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
