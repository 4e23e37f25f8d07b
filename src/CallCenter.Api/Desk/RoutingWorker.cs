using AgentDesk.Contracts;
using CallCenter.Core.Agents;
using CallCenter.Core.Desk;
using CallCenter.Core.Routing;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Desk;

/// <summary>
/// Runs the router: on every <see cref="RoutingSignal"/> wake (a call enqueued, a conversation opened, an agent free) or at least
/// every <see cref="DeskOptions.TickMilliseconds"/>, rings out stale offers, overflows calls that waited too long,
/// ends wrap-ups that ran out and offers waiting work to this process's connected agents. A failing pass is logged
/// and the next one tries again (after <see cref="FailureBackoff"/> when the pass failed as a whole): the router
/// stops only with the host. A carrier that does not answer in time is a failure like any other, not a stop.
/// </summary>
internal sealed partial class RoutingWorker(
    RoutingSignal signal,
    IWorkRouter router,
    IOfferLifecycle offers,
    IQueueMoves queueMoves,
    IDeskCallControl calls,
    AgentPresence presence,
    AgentStateService agents,
    IDeskNotifier notifier,
    TransferHandover handover,
    IOptions<DeskOptions> options,
    TimeProvider time,
    ILogger<RoutingWorker> logger) : BackgroundService
{
    // After a pass that failed as a whole, the next waits this long at least, so a fault that lasts does not spin.
    internal static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitAsync(stoppingToken);
                await PassAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Whatever escapes a pass (or the wait) is logged and the loop goes on: a BackgroundService that throws
                // stops, and by default stops the whole host with it.
                LogLoopFailed(ex);
                if (!await BackOffAsync(stoppingToken))
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> BackOffAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FailureBackoff, time, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// One pass of the router; each part fails on its own, so one broken part does not stop the others. Waiting work
    /// is routed first: a pass is usually woken by a new call, whose caller should not wait for the housekeeping.
    /// When the housekeeping frees an agent or moves a call (an offer rang out, a call overflowed to another queue, a
    /// wrap-up ended), the pass routes again.
    /// </summary>
    internal async Task PassAsync(CancellationToken cancellationToken)
    {
        await RouteAsync(cancellationToken);
        var changed = false;
        await GuardAsync("expire", async () =>
        {
            foreach (var offer in await offers.ExpireAsync(cancellationToken))
            {
                changed = true;
                await notifier.OfferWithdrawnAsync(offer.AgentId, new OfferWithdrawn(offer.Id, "rang-out"), cancellationToken);
                await notifier.StateChangedAsync(offer.AgentId, cancellationToken);
                await handover.ReleaseTransferrerAsync(offer, cancellationToken);
            }
        }, cancellationToken);
        await GuardAsync("overflow", async () =>
        {
            foreach (var action in await queueMoves.OverflowAsync(cancellationToken))
            {
                changed |= action.Kind == OverflowKind.Queue;
                if (action.Kind != OverflowKind.Queue)
                {
                    await calls.OverflowAsync(action, cancellationToken);
                }
            }
        }, cancellationToken);
        await GuardAsync("wrap-up", async () =>
        {
            foreach (var agentId in await agents.ExpireWrapUpsAsync(time.GetUtcNow().UtcDateTime, cancellationToken))
            {
                changed = true;
                await notifier.StateChangedAsync(agentId, cancellationToken);
            }
        }, cancellationToken);
        if (changed)
        {
            await RouteAsync(cancellationToken);
        }
    }

    private Task RouteAsync(CancellationToken cancellationToken) => GuardAsync("route", async () =>
    {
        var made = await router.RouteAsync(presence.ConnectedAgents, cancellationToken);
        await Parallel.ForEachAsync(
            made,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (offer, ct) => await notifier.OfferReceivedAsync(offer, ct));
    }, cancellationToken);

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(TimeSpan.FromMilliseconds(options.Value.TickMilliseconds), time, tick.Token);
        var woken = signal.WaitAsync(tick.Token);
        await Task.WhenAny(delay, woken);
        await tick.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    // A cancellation counts as a failure of the part unless the host is stopping: an HttpClient that timed out (a
    // carrier that never answered) throws one too, and must not end the router.
    private async Task GuardAsync(string part, Func<Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            LogPassFailed(ex, part);
        }
    }

    [LoggerMessage(LogLevel.Error, "Routing pass part {Part} failed; the next pass tries again")]
    private partial void LogPassFailed(Exception exception, string part);

    [LoggerMessage(LogLevel.Error, "Routing pass failed; the router goes on after a short back-off")]
    private partial void LogLoopFailed(Exception exception);
}
