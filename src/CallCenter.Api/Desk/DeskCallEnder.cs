using AgentDesk.Contracts;
using CallCenter.Api.Desk.Data;
using CallCenter.Core.Agents;
using CallCenter.Core.Queues;

namespace CallCenter.Api.Desk;

/// <summary>
/// Lets an agent go from a call (they hung up, or transferred it away): the call's work ends, the agent moves to
/// wrap-up for the queue's wrap-up time (or straight to available without one), and their desk hears of it.
/// </summary>
internal sealed class DeskCallEnder(
    AgentStateService agents, IQueueSettingsRepository queues, IDeskNotifier notifier, IRoutingSignal routing, TimeProvider time)
{
    public async Task EndAsync(Guid agentId, DeskWork work, string reason, CancellationToken cancellationToken)
    {
        var wrapUpSeconds = (await queues.FindAsync(work.QueueName, cancellationToken))?.WrapUpSeconds ?? 0;
        var change = await agents.ApplyAsync(agentId, AgentEvent.CallEnded(wrapUpSeconds), AgentEventSource.System, cancellationToken);
        var talk = (int)Math.Max(0, (time.GetUtcNow().UtcDateTime - work.AcceptedAt).TotalSeconds);
        var until = change.Outcome == AgentChangeOutcome.Applied ? DeskTimes.Utc(change.Status?.WrapUpUntil) : null;
        await notifier.CallEndedAsync(agentId, new DeskCallEnded(work.CallSid ?? string.Empty, reason, talk, until), cancellationToken);
        await notifier.StateChangedAsync(agentId, cancellationToken);
        routing.Wake();
    }
}
