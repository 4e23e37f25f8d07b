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
    IDeskWorkRepository work,
    AgentStateService agents, IQueueSettingsRepository queues, IDeskNotifier notifier, IRoutingSignal routing, TimeProvider time)
{
    /// <summary>
    /// The call ended on the phone side (the caller hung up, the call failed): every agent holding it is let go. For
    /// the voice path's final call status; a call no agent holds changes nothing.
    /// </summary>
    public async Task EndForCallAsync(string callSid, string reason, CancellationToken cancellationToken)
    {
        foreach (var held in await work.ActiveForCallAsync(callSid, cancellationToken))
        {
            await EndAsync(held.AgentId, held, reason, cancellationToken);
        }
    }

    public async Task EndAsync(Guid agentId, DeskWork held, string reason, CancellationToken cancellationToken)
    {
        var wrapUpSeconds = (await queues.FindAsync(held.QueueName, cancellationToken))?.WrapUpSeconds ?? 0;
        var change = await agents.ApplyAsync(agentId, AgentEvent.CallEnded(wrapUpSeconds), AgentEventSource.System, cancellationToken);
        var talk = (int)Math.Max(0, (time.GetUtcNow().UtcDateTime - held.AcceptedAt).TotalSeconds);
        var until = change.Outcome == AgentChangeOutcome.Applied ? DeskTimes.Utc(change.Status?.WrapUpUntil) : null;
        await notifier.CallEndedAsync(agentId, new DeskCallEnded(held.CallSid ?? string.Empty, reason, talk, until), cancellationToken);
        await notifier.StateChangedAsync(agentId, cancellationToken);
        routing.Wake();
    }
}
