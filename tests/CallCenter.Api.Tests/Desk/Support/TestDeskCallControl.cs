using System.Collections.Concurrent;
using AgentDesk.Contracts;
using CallCenter.Api.Desk;
using CallCenter.Core.Agents;
using CallCenter.Core.Desk;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Desk.Voice;
using CallCenter.Core.Queues;
using CallCenter.Core.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Desk.Support;

/// <summary>
/// The carrier edge of the desk's hub tests: these tests enqueue calls directly (no live call exists for the REST
/// API to redirect), so the voice path is replaced by this recorder. It keeps the voice path's contract: it puts a
/// transferred call back in line and ends the agent's part once (wrap-up, CallEnded), as the voice path does. It keeps
/// the call where the voice path keeps it, the voice state of the agent's desk_work row (connected on connect,
/// on-hold while held, ended when the agent's part ends), because that is the only record of whether the caller is
/// on hold. The real voice path
/// is tested through the carrier simulator in Desk/Voice, and both together in DeskEndToEndTests.
/// </summary>
internal sealed class TestDeskCallControl(IServiceProvider services) : IDeskCallControl
{
    public ConcurrentQueue<string> Actions { get; } = new();

    /// <summary>As the voice path does when the agent's phone answers: the desk hears CallConnected once.</summary>
    public async Task<DeskResult> ConnectAsync(Offer accepted, CancellationToken cancellationToken = default)
    {
        // No phone rings here: the row starts as the voice path's does once the agent's phone has answered.
        var row = DeskCallControl.NewRow(accepted.Id, accepted.AgentId, accepted.QueueName, accepted.CallSid!, DateTime.UtcNow)
            with { Status = DeskCallStatuses.Connected, ConnectedAt = DateTime.UtcNow };
        if (!await Calls.TryStartAsync(row, cancellationToken) && await Calls.FindByOfferAsync(accepted.Id, cancellationToken) is not { HasAgent: true })
        {
            return DeskResult.Fail(DeskErrors.Conflict, "The call is with another agent.");
        }

        var connected = new DeskCall
        {
            CallSid = accepted.CallSid!,
            OfferId = accepted.Id,
            Queue = accepted.QueueName,
            PatientId = accepted.PatientId,
            ConnectedAt = DateTimeOffset.UtcNow,
        };
        await services.GetRequiredService<IDeskNotifier>().CallConnectedAsync(accepted.AgentId, connected, cancellationToken);
        return await RecordAsync("connect", accepted.CallSid);
    }

    public Task<DeskResult> HoldAsync(Offer accepted, CancellationToken cancellationToken = default) =>
        MoveAsync("hold", accepted, DeskCallStatuses.Connected, DeskCallStatuses.OnHold, cancellationToken);

    public Task<DeskResult> ResumeAsync(Offer accepted, CancellationToken cancellationToken = default) =>
        MoveAsync("resume", accepted, DeskCallStatuses.OnHold, DeskCallStatuses.Connected, cancellationToken);

    public async Task<DeskResult> TransferToQueueAsync(Offer accepted, string queueName, CancellationToken cancellationToken = default)
    {
        if (!await services.GetRequiredService<IQueueMoves>().RequeueAsync(accepted.CallSid!, queueName, cancellationToken))
        {
            return DeskResult.Fail(DeskErrors.Refused, "could not requeue", "target");
        }

        await EndAgentPartAsync(accepted.AgentId, accepted.CallSid!, "transferred", cancellationToken);
        return await RecordAsync("queue:" + queueName, accepted.CallSid);
    }

    public async Task<DeskResult> TransferToNumberAsync(Offer accepted, string e164, CancellationToken cancellationToken = default)
    {
        await EndAgentPartAsync(accepted.AgentId, accepted.CallSid!, "transferred", cancellationToken);
        return await RecordAsync("number:" + e164, accepted.CallSid);
    }

    public async Task<DeskResult> ReleaseAgentAsync(Offer accepted, CancellationToken cancellationToken = default)
    {
        await EndAgentPartAsync(accepted.AgentId, accepted.CallSid!, "transferred", cancellationToken);
        return await RecordAsync("release", accepted.CallSid);
    }

    public async Task<DeskResult> HangUpAsync(Offer accepted, CancellationToken cancellationToken = default)
    {
        await EndAgentPartAsync(accepted.AgentId, accepted.CallSid!, "agent-hung-up", cancellationToken);
        return await RecordAsync("hang-up", accepted.CallSid);
    }

    public Task OverflowAsync(OverflowAction action, CancellationToken cancellationToken = default) => RecordAsync("overflow", action.CallSid);

    /// <summary>What the voice path does when the carrier reports the caller gone: the agent's part ends.</summary>
    public Task CallerHangsUpAsync(Guid agentId, string callSid) => EndAgentPartAsync(agentId, callSid, "caller-hung-up", CancellationToken.None);

    private IDeskCallRepository Calls => services.GetRequiredService<IDeskCallRepository>();

    // As the voice path moves its row: conditionally, and a repeat (already there) is no error.
    private async Task<DeskResult> MoveAsync(string action, Offer accepted, string from, string to, CancellationToken cancellationToken)
    {
        var change = await Calls.ChangeOfferAsync(accepted.Id, row => row.Status == from ? row with { Status = to } : null, cancellationToken);
        if (!change.Changed && change.Before?.Status != to)
        {
            return DeskResult.Fail(DeskErrors.Refused, $"The call is {change.Before?.Status ?? "not connected"}.", "callSid");
        }

        return await RecordAsync(action, accepted.CallSid);
    }

    private async Task EndAgentPartAsync(Guid agentId, string callSid, string reason, CancellationToken cancellationToken)
    {
        var work = services.GetRequiredService<IDeskWorkRepository>();
        if (await work.LatestForCallAsync(agentId, callSid, cancellationToken) is not { EndedAt: null } held)
        {
            return;
        }

        await Calls.ChangeOfferAsync(held.OfferId, row => row.EndAgentPart(reason, DateTime.UtcNow), cancellationToken);

        var wrapUpSeconds = (await services.GetRequiredService<IQueueSettingsRepository>().FindAsync(held.QueueName, cancellationToken))?.WrapUpSeconds ?? 0;
        var change = await services.GetRequiredService<AgentStateService>().ApplyAsync(
            agentId, AgentEvent.CallEnded(wrapUpSeconds), AgentEventSource.System, cancellationToken);
        var until = change.Status?.WrapUpUntil is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : (DateTimeOffset?)null;
        var notifier = services.GetRequiredService<IDeskNotifier>();
        await notifier.CallEndedAsync(agentId, new DeskCallEnded(callSid, reason, 0, until), cancellationToken);
        await notifier.StateChangedAsync(agentId, cancellationToken);
        services.GetRequiredService<IRoutingSignal>().Wake();
    }

    private Task<DeskResult> RecordAsync(string action, string? callSid)
    {
        Actions.Enqueue($"{action} {callSid}");
        return Task.FromResult(DeskResult.Success());
    }
}
