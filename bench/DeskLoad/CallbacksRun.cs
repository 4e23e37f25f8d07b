using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AgentDesk.Contracts;

namespace DeskLoad;

/// <summary>
/// Callbacks that happen, under load: N callbacks scheduled through <c>POST /api/callbacks</c>, due spread over the
/// next minute, in an agent-first queue; the hub's callback job fires them, the load agents accept each offer, the hub
/// dials the patient through its carrier simulator and connects them, the agent talks, hangs up and wraps up.
/// Checks: every callback ends done (or is retried by the rules), none is dialled twice, none is left behind; each
/// callback's calls at the simulator equal its attempts and at most one was answered.
/// </summary>
internal sealed class CallbacksRun(HttpClient client, StaffSetup staff, DeskLoadOptions options) : DeskEvents
{
    private static readonly string[] OpenStatuses = ["scheduled", "claimed", "requested", "offered", "assigned", "dialling"];
    private readonly ConcurrentDictionary<string, int> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _ringing = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, string> _offers = new();
    private int _doubleRinging;
    private int _failedActions;

    public override void OfferReceived(BenchAgent agent, DeskOffer offer, long receivedAt)
    {
        if (offer.CallSid is not { } sid)
        {
            return;
        }

        _offers[offer.OfferId] = sid;
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
        var result = await agent.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), new WrapUpRequest(ended.CallSid, "resolved", "callback load test"));
        if (!result.Ok)
        {
            Interlocked.Increment(ref _failedActions);
        }
    });

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var token = await staff.TokenAsync("admin", options.AdminPassword, cancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var wall = Stopwatch.StartNew();
        // Due from a moment after scheduling ends (16 requests in flight, --schedule-ms each allowed) and spread over
        // one minute. A run whose scheduling overran the first due time says so: its first callbacks were due on arrival.
        var start = DateTimeOffset.UtcNow.AddSeconds(30).AddMilliseconds(options.ScheduleMilliseconds * options.Calls);
        var numbers = new ConcurrentDictionary<Guid, string>();
        var dues = new ConcurrentDictionary<Guid, DateTimeOffset>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < options.Calls)
            {
                var number = SignedWebhooks.NewCaller();
                var due = start.AddMilliseconds(60_000.0 * i / options.Calls);
                using var created = await client.PostAsJsonAsync(options.Url + "/api/callbacks", new { number, queue = options.Queue, dueAt = due, reason = "load " + i }, cancellationToken);
                if (!created.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"scheduling failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(cancellationToken)}");
                }

                using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(cancellationToken));
                var id = body.RootElement.GetProperty("id").GetGuid();
                numbers[id] = number;
                dues[id] = due;
            }
        }));

        var overran = DateTimeOffset.UtcNow > start ? $", OVERRAN the first due time by {(DateTimeOffset.UtcNow - start).TotalSeconds:F0} s" : string.Empty;
        Console.WriteLine($"callbacks scheduled: {numbers.Count}, due from {start:HH:mm:ss} over one minute ({wall.Elapsed.TotalSeconds:F0} s to schedule{overran})");
        var firstDue = start;
        // Open: not yet dialled, or a dial in flight. A callback retried by the rules (scheduled again after a failed
        // attempt) is not open: it waits its retry delay. The wait ends when none is open, or nothing changed for longer
        // than the dial check's delay (Callbacks:DialCheckAfter, 10 min): a dial whose final status was lost is
        // finished by that check, not left behind because the tool stopped looking first.
        var deadline = DateTime.UtcNow.AddMinutes(60);
        var open = int.MaxValue;
        var unchanged = 0;
        List<JsonElement> mine = [];
        const int UnchangedPolls = 12 * 12; // 12 minutes of 5 s polls
        while (open > 0 && DateTime.UtcNow < deadline && unchanged < UnchangedPolls)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            mine = await ListAsync(numbers, cancellationToken);
            var before = open;
            open = mine.Count(c => OpenStatuses.Contains(c.GetProperty("status").GetString())
                && !(c.GetProperty("status").GetString() == "scheduled" && c.GetProperty("attempts").GetInt32() > 0));
            unchanged = open == before && DateTimeOffset.UtcNow > start.AddMinutes(1) ? unchanged + 1 : 0;
            Console.WriteLine($"{wall.Elapsed.TotalSeconds:F0} s: open {open}, done {mine.Count(c => c.GetProperty("status").GetString() == "done")}, accepted offers {_accepted.Count}");
        }

        foreach (var left in mine.Where(c => OpenStatuses.Contains(c.GetProperty("status").GetString())).GroupBy(c => (c.GetProperty("status").GetString(), c.GetProperty("attempts").GetInt32(), c.GetProperty("lastOutcome").ToString())))
        {
            Console.WriteLine($"not done: {left.Count()} {left.Key.Item1}, attempts {left.Key.Item2}, last outcome {left.Key.Item3}");
        }

        var fired = wall.Elapsed;
        var drained = DateTimeOffset.UtcNow - firstDue;
        var done = mine.Count(c => c.GetProperty("status").GetString() == "done");
        var failed = mine.Count(c => c.GetProperty("status").GetString() == "failed");
        var retried = mine.Count(c => c.GetProperty("attempts").GetInt32() > 1);
        var callsMismatch = 0;
        var answeredTwice = 0;
        var acceptedTwice = 0;
        var tally = new CarrierTally();
        foreach (var callback in mine)
        {
            var id = callback.GetProperty("id").GetGuid();
            var number = numbers[id];
            var calls = await client.GetFromJsonAsync<List<JsonElement>>(options.Url + "/simulator/calls?number=" + Uri.EscapeDataString(number), cancellationToken) ?? [];
            var placed = calls.Where(c => c.GetProperty("to").GetString() == number).ToList();
            tally.Add(callback, dues[id], placed);
            if (placed.Count != callback.GetProperty("attempts").GetInt32())
            {
                callsMismatch++;
            }

            if (_accepted.GetValueOrDefault("callback:" + id.ToString("D")) > Math.Max(1, callback.GetProperty("attempts").GetInt32()))
            {
                acceptedTwice++;
            }

            if (placed.Count(c => c.GetProperty("status").GetString() == "completed") > 1)
            {
                answeredTwice++;
            }
        }

        var missing = numbers.Count - mine.Count;
        Console.WriteLine($"callbacks: {numbers.Count}; done {done}; failed after retries {failed}; retried {retried}; left open {open}; not listed {missing}; wall time {fired.TotalSeconds:F0} s; first due to none open {drained.TotalSeconds:F0} s (5 s polls)");
        Console.WriteLine(tally.Report());
        Console.WriteLine(Percentiles.Report("due to first dial at the carrier", tally.DueToDial));
        Console.WriteLine($"calls at the simulator not equal to attempts: {callsMismatch}; answered twice: {answeredTwice}; rang at two desks at once: {_doubleRinging}; accepted more often than dialled: {acceptedTwice}; failed desk actions: {_failedActions}");
        if (options.HubPid is { } pid && ProcessMemory.Read(pid) is ({ } peak, { } now))
        {
            Console.WriteLine($"hub memory: RSS now {now / 1024} MiB, peak (VmHWM) {peak / 1024} MiB");
        }

        return open == 0 && missing == 0 && tally.Clean && answeredTwice == 0 && _doubleRinging == 0 && acceptedTwice == 0 ? 0 : 1;
    }

    private async Task<List<JsonElement>> ListAsync(ConcurrentDictionary<Guid, string> numbers, CancellationToken cancellationToken)
    {
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            using var body = JsonDocument.Parse(await client.GetStringAsync($"{options.Url}/api/callbacks?queue={options.Queue}&page={page}&pageSize=200", cancellationToken));
            all.AddRange(body.RootElement.GetProperty("items").EnumerateArray().Select(e => e.Clone()).Where(e => numbers.ContainsKey(e.GetProperty("id").GetGuid())));
            if (!body.RootElement.GetProperty("hasMore").GetBoolean())
            {
                return all;
            }
        }
    }

    private void StopRinging(Guid offerId)
    {
        if (_offers.TryRemove(offerId, out var sid))
        {
            _ringing.AddOrUpdate(sid, 0, (_, n) => Math.Max(0, n - 1));
        }
    }
}
