using System.Collections.Concurrent;
using AgentDesk.Contracts;
using CallCenter.Api.Desk;
using CallCenter.Core.Routing;

namespace CallCenter.Api.Tests.Desk.Support;

/// <summary>
/// TEST DOUBLE, registered only while the real voice path (the voice helper's <see cref="IDeskCallControl"/>) is not in
/// the build: every action succeeds and is recorded, so tests can see what the desk asked of the call.
/// </summary>
internal sealed class TestDeskCallControl : IDeskCallControl
{
    public ConcurrentQueue<string> Actions { get; } = new();

    public Task<DeskResult> ConnectAsync(Offer accepted, CancellationToken cancellationToken = default) => RecordAsync("connect", accepted.CallSid);

    public Task<DeskResult> HoldAsync(Offer accepted, CancellationToken cancellationToken = default) => RecordAsync("hold", accepted.CallSid);

    public Task<DeskResult> ResumeAsync(Offer accepted, CancellationToken cancellationToken = default) => RecordAsync("resume", accepted.CallSid);

    public Task<DeskResult> TransferToQueueAsync(Offer accepted, string queueName, CancellationToken cancellationToken = default) =>
        RecordAsync("queue:" + queueName, accepted.CallSid);

    public Task<DeskResult> TransferToNumberAsync(Offer accepted, string e164, CancellationToken cancellationToken = default) =>
        RecordAsync("number:" + e164, accepted.CallSid);

    public Task<DeskResult> HangUpAsync(Offer accepted, CancellationToken cancellationToken = default) => RecordAsync("hang-up", accepted.CallSid);

    public Task OverflowAsync(OverflowAction action, CancellationToken cancellationToken = default) => RecordAsync("overflow", action.CallSid);

    private Task<DeskResult> RecordAsync(string action, string? callSid)
    {
        Actions.Enqueue($"{action} {callSid}");
        return Task.FromResult(DeskResult.Success());
    }
}
