using System.Net;
using Microsoft.AspNetCore.SignalR.Client;

namespace AgentConsole.Connection;

/// <summary>
/// How long the desk waits before each attempt to reach the hub: at once, then 1, 2, 5, 10 and 30 seconds, and
/// every 30 seconds after that, for ever: an agent's desk should come back by itself whenever the hub does.
/// Only a refused token stops it (an expired sign-in does not heal by waiting).
/// </summary>
internal sealed class ReconnectSchedule : IRetryPolicy
{
    private static readonly TimeSpan[] Steps =
        [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    /// <summary>Told each delay as it is chosen, so the status line can say when the next attempt is.</summary>
    public event Action<TimeSpan>? Scheduled;

    /// <summary>The wait before attempt <paramref name="attempt"/> (0 = the first retry).</summary>
    public static TimeSpan DelayBefore(long attempt) => Steps[(int)Math.Clamp(attempt, 0, Steps.Length - 1)];

    public static bool IsSignInRefused(Exception? error) =>
        error is HttpRequestException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden };

    public TimeSpan? NextRetryDelay(RetryContext retryContext)
    {
        ArgumentNullException.ThrowIfNull(retryContext);
        if (IsSignInRefused(retryContext.RetryReason))
        {
            return null;
        }

        var delay = DelayBefore(retryContext.PreviousRetryCount);
        Scheduled?.Invoke(delay);
        return delay;
    }
}
