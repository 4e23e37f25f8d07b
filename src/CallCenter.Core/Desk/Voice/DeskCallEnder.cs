using AgentDesk.Contracts;
using CallCenter.Core.Agents;
using CallCenter.Core.Queues;
using Microsoft.Extensions.Logging;

namespace CallCenter.Core.Desk.Voice;

/// <summary>
/// The one way an agent's call ends, run by whoever won the change to ended: the agent goes to wrap-up for the
/// queue's wrap-up time, their desks hear CallEnded with the talk time, and the router wakes. A failure here is
/// logged, never thrown: the caller's TwiML must still be answered.
/// </summary>
public sealed partial class DeskCallEnder(
    AgentStateService agents,
    IQueueSettingsRepository queues,
    IDeskNotifier notifier,
    IRoutingSignal routing,
    ILogger<DeskCallEnder> logger)
{
    // Queue settings missing (deleted meanwhile): the default wrap-up of a new queue.
    private const int DefaultWrapUpSeconds = 30;

    public async Task AgentCallEndedAsync(DeskCallRow ended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ended);
        try
        {
            var wrapUp = (await queues.FindAsync(ended.QueueName, cancellationToken))?.WrapUpSeconds ?? DefaultWrapUpSeconds;
            var changed = await ApplyCallEndedAsync(ended.AgentId, wrapUp, cancellationToken);
            var talk = ended is { ConnectedAt: { } from, EndedAt: { } to } && to > from ? (int)Math.Ceiling((to - from).TotalSeconds) : 0;
            var reason = ended.EndReason == DeskEndReasons.Requeued ? DeskEndReasons.Failed : ended.EndReason ?? DeskEndReasons.Failed;
            DateTimeOffset? wrapUpUntil = changed?.WrapUpUntil is { } until ? new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)) : null;
            await notifier.CallEndedAsync(ended.AgentId, new DeskCallEnded(ended.CallSid, reason, talk, wrapUpUntil), cancellationToken);
            await notifier.StateChangedAsync(ended.AgentId, cancellationToken);
            LogEnded(logger, ended.CallSid, ended.AgentId, reason, talk);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ended.CallSid, ended.AgentId, ex);
        }
        finally
        {
            routing.Wake();
        }
    }

    // Another writer (a wrap-up timer, the agent's desk) may move the agent between our read and write: read again.
    private async Task<AgentStatus?> ApplyCallEndedAsync(Guid agentId, int wrapUpSeconds, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var result = await agents.ApplyAsync(agentId, AgentEvent.CallEnded(wrapUpSeconds), AgentEventSource.System, cancellationToken);
            switch (result.Outcome)
            {
                case AgentChangeOutcome.Applied:
                    return result.Status;
                case AgentChangeOutcome.Conflict:
                    continue;
                default:
                    LogNotBusy(logger, agentId, result.Outcome, result.Reason ?? string.Empty);
                    return null;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Desk call {CallSid} of agent {AgentId} ended ({Reason}) after {TalkSeconds} s of talk")]
    private static partial void LogEnded(ILogger logger, string callSid, Guid agentId, string reason, int talkSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent {AgentId} was not moved to wrap-up at the end of a call: {Outcome} {Reason}")]
    private static partial void LogNotBusy(ILogger logger, Guid agentId, AgentChangeOutcome outcome, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ending desk call {CallSid} for agent {AgentId} failed after the call was marked ended")]
    private static partial void LogFailed(ILogger logger, string callSid, Guid agentId, Exception exception);
}
