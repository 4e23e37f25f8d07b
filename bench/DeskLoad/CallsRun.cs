using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using AgentDesk.Contracts;

namespace DeskLoad;

/// <summary>
/// Calls through the hub's carrier simulator to the load agents: each agent accepts what it is offered, talks for a
/// while, hangs up and wraps up. Checks the promises of routing: no call rings at two desks at once, no call is
/// taken twice, every call ends answered (or as its queue's overflow says), none is lost.
/// </summary>
internal sealed class CallsRun(HttpClient client, DeskLoadOptions options) : DeskEvents
{
    private readonly ConcurrentDictionary<string, int> _ringing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, string> _offerCalls = new();
    private readonly ConcurrentDictionary<string, int> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _ended = new(StringComparer.Ordinal);
    private int _doubleRinging;
    private int _failedActions;

    public override void OfferReceived(BenchAgent agent, DeskOffer offer, long receivedAt)
    {
        if (offer.CallSid is not { } sid)
        {
            return;
        }

        _offerCalls[offer.OfferId] = sid;
        if (_ringing.AddOrUpdate(sid, 1, (_, n) => n + 1) > 1)
        {
            Interlocked.Increment(ref _doubleRinging);
        }

        _ = Task.Run(async () =>
        {
            var result = await agent.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId);
            StopRinging(offer.OfferId);
            if (result.Ok)
            {
                _accepted.AddOrUpdate(sid, 1, (_, n) => n + 1);
            }
            else
            {
                Interlocked.Increment(ref _failedActions);
            }
        });
    }

    public override void OfferWithdrawn(BenchAgent agent, OfferWithdrawn withdrawn) => StopRinging(withdrawn.OfferId);

    public override void CallConnected(BenchAgent agent, DeskCall call) => _ = Task.Run(async () =>
    {
        await Task.Delay(TimeSpan.FromSeconds(options.TalkSeconds));
        await agent.InvokeAsync(nameof(IAgentDeskHub.HangUpAsync), call.CallSid);
    });

    public override void CallEnded(BenchAgent agent, DeskCallEnded ended) => _ = Task.Run(async () =>
    {
        _ended.AddOrUpdate(ended.CallSid, 1, (_, n) => n + 1);
        var result = await agent.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), new WrapUpRequest(ended.CallSid, "resolved", "load test"));
        if (!result.Ok)
        {
            Interlocked.Increment(ref _failedActions);
        }
    });

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        var sids = new List<string>();
        for (var i = 0; i < options.Calls; i++)
        {
            var placed = await client.PostAsJsonAsync(options.Url + "/simulator/calls", new { from = SignedWebhooks.NewCaller(), to = options.To }, cancellationToken);
            using var body = JsonDocument.Parse(await placed.Content.ReadAsStringAsync(cancellationToken));
            sids.Add(body.RootElement.GetProperty("callSid").GetString()!);
            if ((i + 1) % 100 == 0)
            {
                Console.WriteLine($"calls placed: {i + 1}/{options.Calls}; answered so far {_accepted.Count}");
            }
        }

        var deadline = DateTime.UtcNow.AddMinutes(15);
        var open = sids.ToHashSet(StringComparer.Ordinal);
        while (open.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            foreach (var sid in open.ToList())
            {
                using var call = JsonDocument.Parse(await client.GetStringAsync(options.Url + "/simulator/calls/" + sid, cancellationToken));
                if (call.RootElement.GetProperty("status").GetString() is "completed" or "failed" or "busy" or "no-answer" or "canceled")
                {
                    open.Remove(sid);
                }
            }

            Console.WriteLine($"calls ended: {sids.Count - open.Count}/{sids.Count}; answered by an agent {_accepted.Count}");
        }

        var takenTwice = _accepted.Count(p => p.Value > 1);
        var neverAnswered = sids.Count(s => !_accepted.ContainsKey(s));
        Console.WriteLine($"calls: {sids.Count}; answered: {_accepted.Count}; never answered: {neverAnswered}; still open: {open.Count}; wall time {wall.Elapsed.TotalSeconds:F0} s");
        Console.WriteLine($"rang at two desks at once: {_doubleRinging}; taken twice: {takenTwice}; failed desk actions: {_failedActions}");
        return open.Count == 0 && takenTwice == 0 && _doubleRinging == 0 && neverAnswered == 0 ? 0 : 1;
    }

    private void StopRinging(Guid offerId)
    {
        if (_offerCalls.TryRemove(offerId, out var sid))
        {
            _ringing.AddOrUpdate(sid, 0, (_, n) => Math.Max(0, n - 1));
        }
    }
}
