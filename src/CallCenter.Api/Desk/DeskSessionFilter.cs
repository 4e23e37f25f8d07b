using System.Security.Claims;
using CallCenter.Core.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.SignalR;

namespace CallCenter.Api.Desk;

/// <summary>
/// Checks the caller's session on connecting to the desk and on every hub call: the token's security stamp must be the
/// account's current one, read from the database each time (not the request cache, so an account ended on another
/// process is refused at once), and the token must not have run out. A connection that fails is closed; the call answers
/// an error. Also records each live connection (<see cref="DeskConnections"/>) for sign-outs and the sweep.
/// </summary>
internal sealed partial class DeskSessionFilter(
    IAccountSessionRepository sessions,
    DeskConnections connections,
    TimeProvider time,
    ILogger<DeskSessionFilter> logger) : IHubFilter
{
    public const string Ended = "Your session has ended; sign in again.";

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var caller = context.Context;
        var (userId, stamp) = Session(caller.User);
        if (!await IsCurrentAsync(userId, stamp, ExpiresAt(caller)))
        {
            LogRefused(userId);
            throw new HubException(Ended);
        }

        connections.Add(new DeskConnection(userId, caller, stamp, ExpiresAt(caller)));
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        connections.Remove(Session(context.Context.User).UserId, context.Context.ConnectionId);
        await next(context, exception);
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var caller = invocationContext.Context;
        var (userId, stamp) = Session(caller.User);
        if (!await IsCurrentAsync(userId, stamp, ExpiresAt(caller)))
        {
            LogRefused(userId);
            caller.Abort();
            throw new HubException(Ended);
        }

        return await next(invocationContext);
    }

    private async Task<bool> IsCurrentAsync(Guid userId, int stamp, DateTimeOffset? expiresAt) =>
        (expiresAt is null || expiresAt > time.GetUtcNow())
        && await sessions.CurrentStampAsync(userId) == stamp;

    private static (Guid UserId, int Stamp) Session(ClaimsPrincipal? user) =>
        (Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty,
            AccountSessions.ParseGeneration(user?.FindFirstValue(AccountSessions.GenerationClaim)));

    /// <summary>When the token (or cookie) the connection signed in with runs out; null when the host does not say.</summary>
    internal static DateTimeOffset? ExpiresAt(HubCallerContext caller) =>
        caller.GetHttpContext()?.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc;

    [LoggerMessage(LogLevel.Information, "Desk session of {UserId} refused: signed out, disabled, changed or expired")]
    private partial void LogRefused(Guid userId);
}
