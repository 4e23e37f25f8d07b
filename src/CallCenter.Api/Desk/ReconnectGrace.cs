using AgentDesk.Contracts;
using CallCenter.Core.Agents;
using CallCenter.Core.Desk;
using CallCenter.Core.Routing;
using Microsoft.Extensions.Options;

namespace CallCenter.Api.Desk;

/// <summary>
/// What happens when an agent's last desk connection drops: nothing for <see cref="DeskOptions.ReconnectGraceSeconds"/>
/// (a reconnect carries on with the offers still ringing), then their ringing offers go to the next agent and an
/// agent between calls goes offline, so routing and the wallboard stop counting them. An agent on a call stays on it:
/// the phone call does not depend on the desk's connection.
/// </summary>
internal sealed partial class ReconnectGrace(
    AgentPresence presence,
    IOfferLifecycle offers,
    AgentStateService agents,
    IDeskNotifier notifier,
    IRoutingSignal routing,
    IOptions<DeskOptions> options,
    TimeProvider time,
    ILogger<ReconnectGrace> logger) : IDisposable
{
    private readonly Dictionary<Guid, ITimer> _pending = [];
    private readonly Lock _lock = new();

    public void Start(Guid agentId)
    {
        var timer = time.CreateTimer(_ => _ = ExpireAsync(agentId), null, TimeSpan.FromSeconds(options.Value.ReconnectGraceSeconds), Timeout.InfiniteTimeSpan);
        lock (_lock)
        {
            if (_pending.Remove(agentId, out var previous))
            {
                previous.Dispose();
            }

            _pending[agentId] = timer;
        }
    }

    /// <summary>The agent is back within the grace: nothing is withdrawn.</summary>
    public void Cancel(Guid agentId)
    {
        lock (_lock)
        {
            if (_pending.Remove(agentId, out var timer))
            {
                timer.Dispose();
            }
        }
    }

    /// <summary>Runs the end of the grace now (tests and shutdown use it through the timer).</summary>
    internal async Task ExpireAsync(Guid agentId)
    {
        lock (_lock)
        {
            if (_pending.Remove(agentId, out var timer))
            {
                timer.Dispose();
            }
        }

        if (presence.IsConnected(agentId))
        {
            return;
        }

        try
        {
            foreach (var offer in await offers.WithdrawForAgentAsync(agentId, "disconnected"))
            {
                await notifier.OfferWithdrawnAsync(agentId, new OfferWithdrawn(offer.Id, "disconnected"));
            }

            var status = await agents.GetAsync(agentId);
            if (status?.State is AgentState.Available or AgentState.WrapUp or AgentState.Break)
            {
                await agents.ApplyAsync(agentId, AgentEvent.Of(AgentEventKind.SetOffline), AgentEventSource.System);
            }

            LogWentAway(agentId);
            routing.Wake();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(ex, agentId);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var timer in _pending.Values)
            {
                timer.Dispose();
            }

            _pending.Clear();
        }
    }

    [LoggerMessage(LogLevel.Information, "Agent {AgentId} did not reconnect within the grace: ringing offers withdrawn")]
    private partial void LogWentAway(Guid agentId);

    [LoggerMessage(LogLevel.Error, "Withdrawing the offers of disconnected agent {AgentId} failed")]
    private partial void LogFailed(Exception exception, Guid agentId);
}
