using System.Diagnostics;
using System.Globalization;
using CallCenter.Core.Data;
using Dapper;

namespace OutboxLoad;

/// <summary>
/// The outbox's crash promise at size: the hub is killed with SIGKILL <c>--kills</c> times at random moments while it
/// dispatches (one kill in each equal share of the rows) and started again each time; at the end the carrier must
/// hold every row's message exactly once and every row must carry that message's sid. The same check as
/// <c>OutboxCrashTests</c> in <c>./test.sh</c> (1,000 rows, 3 kills), here with as many rows and kills as asked.
/// </summary>
internal static class KillRun
{
    // OutboxDispatcher's warning when a row a dead hub held was found at the carrier and recorded, not sent again.
    private const string FoundAtCarrier = "was already at the carrier";

    private const string RowsSql = "SELECT status AS Status, carrier_id AS CarrierId, body AS Body FROM notification";

    /// <summary>The settings a kill run needs unless the command line gives its own: rows a dead hub held come back
    /// within seconds, small batches so every share of the run has open rows to kill in, retries that never give up.</summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Notifications:Outbox:Lease"] = "00:00:03",
        ["Notifications:Outbox:BatchSize"] = "50",
        ["Notifications:Outbox:PollInterval"] = "00:00:00.200",
        ["Notifications:Outbox:RetryBaseDelay"] = "00:00:01",
        ["Notifications:Outbox:RetryMaxDelay"] = "00:00:02",
        ["Notifications:Outbox:MaxAttempts"] = "100",
    };

    public static async Task<int> RunAsync(
        string root, LoadOptions options, IReadOnlyDictionary<string, string> settings, DatabaseEngine engine,
        Func<Task<List<Twilio.Protocol.Rest.MessageResource>>> carrierMessages)
    {
        var culture = CultureInfo.InvariantCulture;
        var rows = options.Messages;
        var share = rows / options.Kills;
        var targets = Enumerable.Range(0, options.Kills).Select(k => (k * share) + Random.Shared.Next(share / 10, Math.Max(share / 2, (share / 10) + 1))).ToArray();
        var killedAt = new List<long>();
        var foundAtCarrier = 0;
        var wall = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(30);
        foreach (var target in targets)
        {
            await using var hub = AppProcess.Start(root, "CallCenter.Api", options.HubPort, settings, FoundAtCarrier);
            while (await FinalCountAsync(engine) < target)
            {
                if (DateTime.UtcNow > deadline || hub.HasExited)
                {
                    Console.Error.WriteLine($"The hub did not reach {target} final rows:\n{hub.Tail()}");
                    return 1;
                }

                await Task.Delay(5);
            }

            await Task.Delay(Random.Shared.Next(0, 50));
            await hub.KillAsync();
            foundAtCarrier += hub.Marked;
            var final = await FinalCountAsync(engine);
            killedAt.Add(final);
            Console.WriteLine(string.Create(culture, $"  kill {killedAt.Count,2} at t={wall.Elapsed.TotalSeconds,6:F1} s with {final} of {rows} rows final"));
        }

        await using (var last = AppProcess.Start(root, "CallCenter.Api", options.HubPort, settings, FoundAtCarrier))
        {
            while (await FinalCountAsync(engine) < rows)
            {
                if (DateTime.UtcNow > deadline || last.HasExited)
                {
                    Console.Error.WriteLine($"Rows not final:\n{last.Tail()}");
                    return 1;
                }

                await Task.Delay(100);
            }

            foundAtCarrier += last.Marked;
        }

        Console.WriteLine(string.Create(culture,
            $"All {rows} rows final after {options.Kills} kills in {wall.Elapsed.TotalSeconds:F1} s; {foundAtCarrier} rows a killed hub had sent were found at the carrier and not sent again"));
        var atCarrier = await carrierMessages();
        List<RowState> states;
        await using (var connection = await engine.OpenAsync())
        {
            states = (await connection.QueryAsync<RowState>(RowsSql)).AsList();
        }

        var byBody = atCarrier.GroupBy(m => m.Body ?? "").ToDictionary(g => g.Key, g => g.Select(m => m.Sid).ToList(), StringComparer.Ordinal);
        var twice = byBody.Count(b => b.Value.Count > 1);
        var lost = states.Count(s => !byBody.ContainsKey(s.Body));
        var failed = states.Count(s => s.Status == "failed");
        var wrongSid = states.Count(s => byBody.TryGetValue(s.Body, out var sids) && sids.Count == 1 && sids[0] != s.CarrierId);
        var openAtKill = killedAt.Count(k => k < rows);
        Console.WriteLine(string.Create(culture,
            $"Kills with rows still open: {openAtKill} of {options.Kills}; at the carrier: {atCarrier.Count} messages for {states.Count} rows; lost {lost}, sent twice {twice}, rows failed {failed}, rows whose sid is not the carrier's {wrongSid}"));
        return lost == 0 && twice == 0 && failed == 0 && wrongSid == 0 && atCarrier.Count == rows && openAtKill == options.Kills ? 0 : 1;
    }

    private static async Task<long> FinalCountAsync(DatabaseEngine engine)
    {
        await using var connection = await engine.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notification WHERE status NOT IN ('pending', 'sending')");
    }

    private sealed class RowState
    {
        public string Status { get; init; } = "";

        public string? CarrierId { get; init; }

        public string Body { get; init; } = "";
    }
}
