using CallCenter.Core.Wallboard;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Wallboard;

/// <summary>
/// Keeps every board current. Wakes on the <see cref="WallboardSignal"/> (rung after a queue event or an agent's state
/// committed) or, without events, every <see cref="WallboardPushOptions.ActiveTickMilliseconds"/> while calls wait or agents
/// are signed in (idle: <see cref="WallboardPushOptions.IdleTickMilliseconds"/>); computes the board at most once per
/// <see cref="WallboardPushOptions.MinIntervalMilliseconds"/>, however often it is rung; and pushes it to all boards only
/// when it changed. SignalR serializes one push once for all connections.
/// </summary>
internal sealed partial class WallboardBroadcaster(
    WallboardSignal signal,
    WallboardFeed feed,
    IHubContext<WallboardHub, IWallboardClient> hub,
    IOptions<WallboardPushOptions> options,
    TimeProvider time,
    ILogger<WallboardBroadcaster> logger) : BackgroundService
{
    // The pacing is a limit on work and pushes per wall-clock second, not a time of the domain: it runs on the system
    // clock even where the hub's clock is a test's fake that only moves when told (the ticks do follow the hub's clock).
    private static readonly TimeProvider Pacing = TimeProvider.System;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var minInterval = TimeSpan.FromMilliseconds(settings.MinIntervalMilliseconds);
        var active = true;
        long? lastPass = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitAsync(TimeSpan.FromMilliseconds(active ? settings.ActiveTickMilliseconds : settings.IdleTickMilliseconds), stoppingToken);
                if (lastPass is { } last && Pacing.GetElapsedTime(last) < minInterval)
                {
                    await Task.Delay(minInterval - Pacing.GetElapsedTime(last), Pacing, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lastPass = Pacing.GetTimestamp();
            active = await PassAsync(stoppingToken) ?? active;
        }
    }

    /// <summary>One computation and, if the board changed, one push; returns whether the board is active (null: not computed).</summary>
    internal async Task<bool?> PassAsync(CancellationToken cancellationToken)
    {
        if (feed.Boards == 0)
        {
            return false;
        }

        try
        {
            var (update, changed) = await feed.RefreshAsync(cancellationToken);
            if (changed)
            {
                await hub.Clients.All.Snapshot(update);
            }

            return WallboardFeed.IsActive(update.Board);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPassFailed(ex);
            return null;
        }
    }

    private async Task WaitAsync(TimeSpan tick, CancellationToken stoppingToken)
    {
        using var woken = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(tick, time, woken.Token);
        var rung = signal.WaitAsync(woken.Token);
        await Task.WhenAny(delay, rung);
        await woken.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(LogLevel.Error, "Wallboard pass failed; the next ring or tick tries again")]
    private partial void LogPassFailed(Exception exception);
}
