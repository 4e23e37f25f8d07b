using System.Collections.Concurrent;
using AgentDesk.Contracts;
using CallCenter.Api.Desk;
using CallCenter.Api.Desk.Data;
using CallCenter.Core.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Desk.Support;

/// <summary>
/// The carrier edge of the desk's hub tests: these tests enqueue calls directly (no live call exists for the REST
/// API to redirect), so the voice path is replaced by this recorder. It keeps the voice path's contract: it puts a
/// transferred call back in line and ends the agent's part once, through the desk's own ender. The real voice path
/// is tested through the carrier simulator in Desk/Voice, and both together in DeskEndToEndTests.
/// </summary>
internal sealed class TestDeskCallControl(IServiceProvider services) : IDeskCallControl
{
    public ConcurrentQueue<string> Actions { get; } = new();

    public Task<DeskResult> ConnectAsync(Offer accepted, CancellationToken cancellationToken = default) => RecordAsync("connect", accepted.CallSid);

    public Task<DeskResult> HoldAsync(Offer accepted, CancellationToken cancellationToken = default) => RecordAsync("hold", accepted.CallSid);

    public Task<DeskResult> ResumeAsync(Offer accepted, CancellationToken cancellationToken = default) => RecordAsync("resume", accepted.CallSid);

    public async Task<DeskResult> TransferToQueueAsync(Offer accepted, string queueName, CancellationToken cancellationToken = default)
    {
        if (!await services.GetRequiredService<IRoutingEngine>().RequeueAsync(accepted.CallSid!, queueName, cancellationToken))
        {
            return DeskResult.Fail(DeskErrors.Refused, "could not requeue", "target");
        }

        await EndAgentPartAsync(accepted, "transferred", cancellationToken);
        return await RecordAsync("queue:" + queueName, accepted.CallSid);
    }

    public async Task<DeskResult> TransferToNumberAsync(Offer accepted, string e164, CancellationToken cancellationToken = default)
    {
        await EndAgentPartAsync(accepted, "transferred", cancellationToken);
        return await RecordAsync("number:" + e164, accepted.CallSid);
    }

    public async Task<DeskResult> ReleaseAgentAsync(Offer accepted, CancellationToken cancellationToken = default)
    {
        await EndAgentPartAsync(accepted, "transferred", cancellationToken);
        return await RecordAsync("release", accepted.CallSid);
    }

    public async Task<DeskResult> HangUpAsync(Offer accepted, CancellationToken cancellationToken = default)
    {
        await EndAgentPartAsync(accepted, "agent-hung-up", cancellationToken);
        return await RecordAsync("hang-up", accepted.CallSid);
    }

    public Task OverflowAsync(OverflowAction action, CancellationToken cancellationToken = default) => RecordAsync("overflow", action.CallSid);

    private async Task EndAgentPartAsync(Offer accepted, string reason, CancellationToken cancellationToken)
    {
        var work = services.GetRequiredService<IDeskWorkRepository>();
        if (await work.LatestForCallAsync(accepted.AgentId, accepted.CallSid!, cancellationToken) is { EndedAt: null } held)
        {
            await services.GetRequiredService<DeskCallEnder>().EndAsync(accepted.AgentId, held, reason, cancellationToken);
        }
    }

    private Task<DeskResult> RecordAsync(string action, string? callSid)
    {
        Actions.Enqueue($"{action} {callSid}");
        return Task.FromResult(DeskResult.Success());
    }
}
