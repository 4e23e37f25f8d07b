using CallCenter.Api.Infrastructure;
using CallCenter.Core.Accounts;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Desk;

/// <summary>
/// Every <see cref="AuthOptions.SessionCheckSeconds"/>, closes this process's desk connections whose token ran out or
/// whose account was ended on another process (disabled, role changed, password set, signed out): one read of every
/// account's security stamp per sweep, none while no desk is open. The process that ends an account closes its own
/// connections at once (<see cref="DeskSessions"/>); this bounds how long another process keeps a desk open.
/// </summary>
internal sealed partial class DeskSessionSweeper(
    DeskConnections connections,
    DeskSessions desks,
    IAccountSessionRepository sessions,
    IOptions<AuthOptions> options,
    TimeProvider time,
    ILogger<DeskSessionSweeper> logger) : BackgroundService
{
    /// <summary>What <see cref="AgentDesk.Contracts.DeskSignedOut.By"/> says when the token ran out.</summary>
    public const string Expired = "session-expired";

    /// <summary>What <see cref="AgentDesk.Contracts.DeskSignedOut.By"/> says when the account was ended elsewhere.</summary>
    public const string Revoked = "session-ended";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SessionCheckSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One sweep; the number of connections closed (tests run it directly).</summary>
    internal async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var open = connections.All();
        if (open.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        var stamps = await sessions.CurrentStampsAsync(cancellationToken);
        var closed = 0;
        foreach (var connection in open)
        {
            var reason = connection.ExpiresAt <= now ? Expired
                : !stamps.TryGetValue(connection.UserId, out var stamp) || stamp != connection.Stamp ? Revoked
                : null;
            if (reason is not null)
            {
                await desks.EndConnectionAsync(connection, reason, now.UtcDateTime);
                closed++;
            }
        }

        return closed;
    }

    [LoggerMessage(LogLevel.Error, "The desk session sweep failed; the next one tries again")]
    private partial void LogFailed(Exception exception);
}
