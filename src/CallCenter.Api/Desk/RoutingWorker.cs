using AgentDesk.Contracts;
using CallCenter.Core.Agents;
using CallCenter.Core.Routing;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Desk;

/// <summary>
/// Runs the router: on every <see cref="Wake"/> (a call enqueued, a conversation opened, an agent free) or at least
/// every <see cref="DeskOptions.TickMilliseconds"/>, rings out stale offers, overflows calls that waited too long,
/// ends wrap-ups that ran out and offers waiting work to this process's connected agents. A failing pass is logged
/// and the next one tries again: the router never stops.
/// </summary>
internal sealed partial class RoutingWorker(
    IServiceProvider services,
    AgentPresence presence,
    AgentStateService agents,
    IAgentStatusRepository statuses,
    IDeskNotifier notifier,
    TransferHandover handover,
    IOptions<DeskOptions> options,
    TimeProvider time,
    ILogger<RoutingWorker> logger) : BackgroundService, IRoutingSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another caller woke it at the same moment: one wake is enough.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<IRoutingEngine>() is not { } engine)
        {
            LogNoEngine();
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await PassAsync(engine, stoppingToken);
        }
    }

    /// <summary>One pass of the router; each part fails on its own, so one broken part does not stop the others.</summary>
    internal async Task PassAsync(IRoutingEngine engine, CancellationToken cancellationToken)
    {
        await GuardAsync("expire", async () =>
        {
            foreach (var offer in await engine.ExpireAsync(cancellationToken))
            {
                await notifier.OfferWithdrawnAsync(offer.AgentId, new OfferWithdrawn(offer.Id, "rang-out"), cancellationToken);
                await notifier.StateChangedAsync(offer.AgentId, cancellationToken);
                await handover.ReleaseTransferrerAsync(offer, cancellationToken);
            }
        });
        await GuardAsync("overflow", async () =>
        {
            foreach (var action in await engine.OverflowAsync(cancellationToken))
            {
                // Resolved when first needed, not at start-up: the voice path's HTTP client may not be buildable
                // before the server runs, and a failure here must stay inside this guarded part.
                if (action.Kind != OverflowKind.Queue && services.GetService<IDeskCallControl>() is { } control)
                {
                    await control.OverflowAsync(action, cancellationToken);
                }
            }
        });
        await GuardAsync("wrap-up", async () =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var due = await statuses.ExpiredWrapUpsAsync(now, cancellationToken);
            if (due.Count > 0)
            {
                await WrapUpsEndedAsync(await agents.ExpireWrapUpsAsync(now, cancellationToken), due, cancellationToken);
            }
        });
        await GuardAsync("route", async () =>
        {
            var offers = await engine.RouteAsync(presence.ConnectedAgents, cancellationToken);
            await Parallel.ForEachAsync(
                offers,
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (offer, ct) => await notifier.OfferReceivedAsync(offer, ct));
        });
    }

    // ExpireWrapUpsAsync answers a count today and the moved agents' IDs once routing lands; overloads fit either.
    private async Task WrapUpsEndedAsync(int moved, IReadOnlyList<AgentStatus> due, CancellationToken cancellationToken)
    {
        if (moved > 0)
        {
            await WrapUpsEndedAsync(due.Select(s => s.UserId), due, cancellationToken);
        }
    }

    private async Task WrapUpsEndedAsync(IEnumerable<Guid> moved, IReadOnlyList<AgentStatus> due, CancellationToken cancellationToken)
    {
        _ = due;
        foreach (var agentId in moved)
        {
            await notifier.StateChangedAsync(agentId, cancellationToken);
        }
    }

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = Task.Delay(TimeSpan.FromMilliseconds(options.Value.TickMilliseconds), time, tick.Token);
        var woken = _wake.WaitAsync(tick.Token);
        await Task.WhenAny(delay, woken);
        await tick.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task GuardAsync(string part, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPassFailed(ex, part);
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(LogLevel.Warning, "No routing engine is registered: the desk will not offer work")]
    private partial void LogNoEngine();

    [LoggerMessage(LogLevel.Error, "Routing pass part {Part} failed; the next pass tries again")]
    private partial void LogPassFailed(Exception exception, string part);
}
