using System.Collections.Concurrent;
using AgentDesk.Contracts;
using CallCenter.Api.Desk;
using CallCenter.Core.Desk;
using CallCenter.Core.Routing;

namespace CallCenter.Api.Tests.Desk.Voice;

/// <summary>The desk's pushes, recorded in order (the desk's SignalR notifier is another feature's).</summary>
internal sealed class RecordingDeskNotifier : IDeskNotifier
{
    private readonly ConcurrentQueue<(Guid AgentId, object Event)> _events = new();

    public IReadOnlyList<DeskCall> Connected(Guid agentId) => [.. _events.Where(e => e.AgentId == agentId).Select(e => e.Event).OfType<DeskCall>()];

    public IReadOnlyList<DeskCall> HoldChanges(Guid agentId) => [.. _events.Where(e => e.AgentId == agentId).Select(e => e.Event).OfType<HoldChange>().Select(h => h.Call)];

    public IReadOnlyList<DeskCallEnded> Ended(Guid agentId) => [.. _events.Where(e => e.AgentId == agentId).Select(e => e.Event).OfType<DeskCallEnded>()];

    public IReadOnlyList<OfferWithdrawn> Withdrawn(Guid agentId) => [.. _events.Where(e => e.AgentId == agentId).Select(e => e.Event).OfType<OfferWithdrawn>()];

    public Task OfferReceivedAsync(Offer offer, CancellationToken cancellationToken = default) => Record(offer.AgentId, offer);

    public Task OfferWithdrawnAsync(Guid agentId, OfferWithdrawn withdrawn, CancellationToken cancellationToken = default) => Record(agentId, withdrawn);

    public Task CallConnectedAsync(Guid agentId, DeskCall connected, CancellationToken cancellationToken = default) => Record(agentId, connected);

    public Task CallHoldChangedAsync(Guid agentId, DeskCall held, CancellationToken cancellationToken = default) => Record(agentId, new HoldChange(held));

    public Task CallEndedAsync(Guid agentId, DeskCallEnded ended, CancellationToken cancellationToken = default) => Record(agentId, ended);

    public Task StateChangedAsync(Guid agentId, CancellationToken cancellationToken = default) => Record(agentId, "state");

    public Task SmsReceivedAsync(Guid agentId, DeskSms sms, CancellationToken cancellationToken = default) => Record(agentId, sms);

    private Task Record(Guid agentId, object e)
    {
        _events.Enqueue((agentId, e));
        return Task.CompletedTask;
    }
}

internal sealed class CountingRoutingSignal : IRoutingSignal
{
    private int _wakes;

    public int Wakes => Volatile.Read(ref _wakes);

    public void Wake() => Interlocked.Increment(ref _wakes);
}

/// <summary>
/// Routing as far as the voice path uses it (the real one is another feature's): offers the test made, and a record
/// of the calls put back in line and withdrawn. It stands in for every routing service, the router included, so the
/// hub's routing worker offers nothing of its own.
/// </summary>
internal sealed class FakeRouting : IWorkRouter, IOfferLifecycle, IOfferReader, IQueueMoves
{
    private readonly ConcurrentDictionary<Guid, Offer> _offers = new();
    private readonly ConcurrentQueue<(string CallSid, string Queue)> _requeued = new();
    private readonly ConcurrentQueue<string> _withdrawn = new();

    public IReadOnlyList<(string CallSid, string Queue)> Requeued => [.. _requeued];

    public IReadOnlyList<string> WithdrawnCalls => [.. _withdrawn];

    public Offer Add(Offer offer) => _offers[offer.Id] = offer;

    public Task<Offer?> FindAsync(Guid offerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_offers.TryGetValue(offerId, out var offer) ? offer : null);

    public Task<bool> RequeueAsync(string callSid, string queueName, CancellationToken cancellationToken = default)
    {
        _requeued.Enqueue((callSid, queueName));
        return Task.FromResult(true);
    }

    // The same move back in line, recorded as a miss: the voice path's tests see both as requeued.
    public Task<bool> ReturnAfterMissAsync(string callSid, string queueName, CancellationToken cancellationToken = default) =>
        RequeueAsync(callSid, queueName, cancellationToken);

    public Task<Offer?> WithdrawForCallAsync(string callSid, string reason, CancellationToken cancellationToken = default)
    {
        _withdrawn.Enqueue(callSid);
        var ringing = _offers.Values.FirstOrDefault(o => o.CallSid == callSid && o.Status == OfferStatus.Ringing);
        if (ringing is not null)
        {
            _offers[ringing.Id] = ringing with { Status = OfferStatus.Withdrawn, EndReason = reason };
        }

        return Task.FromResult(ringing);
    }

    public Task<IReadOnlyList<Offer>> RouteAsync(IReadOnlyCollection<Guid> connectedAgents, CancellationToken cancellationToken = default) => NotUsed<IReadOnlyList<Offer>>();

    public Task<Offer?> OfferToAgentAsync(string callSid, Guid agentId, Guid transferredBy, string? note, CancellationToken cancellationToken = default) => NotUsed<Offer?>();

    public Task<OfferResult> AcceptAsync(Guid offerId, Guid agentId, CancellationToken cancellationToken = default) => NotUsed<OfferResult>();

    public Task<OfferResult> DeclineAsync(Guid offerId, Guid agentId, CancellationToken cancellationToken = default) => NotUsed<OfferResult>();

    public Task<IReadOnlyList<Offer>> ExpireAsync(CancellationToken cancellationToken = default) => NotUsed<IReadOnlyList<Offer>>();

    public Task<IReadOnlyList<Offer>> WithdrawForAgentAsync(Guid agentId, string reason, CancellationToken cancellationToken = default) => NotUsed<IReadOnlyList<Offer>>();

    public Task<IReadOnlyList<OverflowAction>> OverflowAsync(CancellationToken cancellationToken = default) => NotUsed<IReadOnlyList<OverflowAction>>();

    public Task<bool> CloseConversationAsync(Guid conversationId, Guid agentId, CancellationToken cancellationToken = default) => NotUsed<bool>();

    public Task<bool> LinkPatientAsync(Guid offerId, Guid patientId, CancellationToken cancellationToken = default) => NotUsed<bool>();

    public Task<IReadOnlyList<Offer>> RingingForAgentAsync(Guid agentId, CancellationToken cancellationToken = default) => NotUsed<IReadOnlyList<Offer>>();

    public Task<Offer?> AcceptedForCallAsync(string callSid, CancellationToken cancellationToken = default) => NotUsed<Offer?>();

    public Task<IReadOnlyList<Offer>> HeldConversationsAsync(Guid agentId, CancellationToken cancellationToken = default) => NotUsed<IReadOnlyList<Offer>>();

    private static Task<T> NotUsed<T>() => throw new NotSupportedException("The voice path does not use this.");
}

/// <summary>A hold push, kept apart from <see cref="DeskCall"/> connections so that each fact is counted on its own.</summary>
internal sealed record HoldChange(DeskCall Call);
