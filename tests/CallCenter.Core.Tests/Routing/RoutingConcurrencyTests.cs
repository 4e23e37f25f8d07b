using CallCenter.Core.Agents;
using CallCenter.Core.Data;
using CallCenter.Core.Queues;
using CallCenter.Core.Routing;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Routing;

/// <summary>
/// Several hub processes on one database: each router its own service provider (its own routing services,
/// connections and options), all routing, accepting, declining and expiring the same calls at once.
/// </summary>
public sealed class RoutingConcurrencyTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const int Hubs = 4;
    private const int AgentCount = 20;
    private const int CallCount = 200;

    // Snapshots taken between phases; each must come back empty.
    private const string WorkRingingTwiceSql = """
        SELECT queue_entry_id FROM offer WHERE status = 'ringing' AND queue_entry_id IS NOT NULL GROUP BY queue_entry_id HAVING COUNT(*) > 1
        """;

    private const string AgentRingingTwiceSql = """
        SELECT agent_id FROM offer WHERE status = 'ringing' AND kind IN ('call', 'callback') GROUP BY agent_id HAVING COUNT(*) > 1
        """;

    private const string RingingWhileBridgedSql = """
        SELECT o.id FROM offer o JOIN queue_entry e ON e.id = o.queue_entry_id WHERE o.status = 'ringing' AND e.status = 'bridged'
        """;

    private const string AcceptedPerEntrySql = """
        SELECT e.call_sid, e.status, (SELECT COUNT(*) FROM offer o WHERE o.queue_entry_id = e.id AND o.status = 'accepted') AS accepted
        FROM queue_entry e WHERE e.queue_name = @QueueName
        """;

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Route_SeveralHubsRacing_NoCallOfferedTwiceNoneLost(string engine)
    {
        var database = await fixture.GetAsync(engine);
        await using var world = await RoutingWorld.CreateAsync(database);
        var queue = await world.AddQueueAsync();
        for (var i = 0; i < AgentCount; i++)
        {
            await world.AddAgentAsync();
        }

        for (var i = 0; i < CallCount; i++)
        {
            await world.EnqueueAsync(queue, RoutingWorld.T0.AddMilliseconds(i * 10), priority: i % 3);
        }

        var hubs = Enumerable.Range(0, Hubs).Select(_ => database.CreateServices(world.Time)).ToList();
        try
        {
            var routers = hubs.Select(h => h.GetRequiredService<IWorkRouter>()).ToList();
            var lifecycles = hubs.Select(h => h.GetRequiredService<IOfferLifecycle>()).ToList();
            var random = new Random(20261123);
            var violations = new List<string>();
            var accepted = 0;
            for (var round = 0; round < 100 && accepted < CallCount; round++)
            {
                await Task.WhenAll(routers.Select(r => Task.Run(() => r.RouteAsync(world.Agents))));
                violations.AddRange(await SnapshotAsync(world));

                var ringing = (await Task.WhenAll(world.Agents.Select(a => world.Reader.RingingForAgentAsync(a)))).SelectMany(o => o).ToList();
                var plans = ringing.Select(o => (Offer: o, Roll: random.Next(100), Hub: random.Next(Hubs), Rival: random.Next(Hubs))).ToList();
                var results = await Task.WhenAll(plans.Select(p => Task.Run(() => ActAsync(lifecycles, p.Offer, p.Roll, p.Hub, p.Rival))));
                accepted += results.Sum();
                violations.AddRange(await SnapshotAsync(world));

                // Calls taken end at once (no wrap-up), so agents come back; whatever still rings runs out.
                await Task.WhenAll(hubs.Zip(world.Agents.Chunk(AgentCount / Hubs)).Select(pair => Task.Run(() => EndCallsAsync(pair.First, pair.Second))));
                world.Time.Advance(TimeSpan.FromSeconds(16));
                await Task.WhenAll(lifecycles.Select(l => Task.Run(() => l.ExpireAsync())));
                await Task.WhenAll(world.Agents.Select(a => BackFromBreakAsync(hubs[0], a)));
            }

            Assert.Empty(violations);
            await using var connection = await world.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
            var entries = (await connection.QueryAsync<EntryRow>(AcceptedPerEntrySql, new { QueueName = queue })).ToList();
            Assert.Equal(CallCount, entries.Count);
            Assert.All(entries, e => Assert.Equal((QueueStatuses.Bridged, 1L), (e.Status, e.Accepted)));
            Assert.Equal(CallCount, accepted);
            foreach (var agent in world.Agents)
            {
                // Every call the agent took moved them Reserved -> Busy exactly once through the state machine.
                var history = await world.Services.GetRequiredService<IAgentStatusRepository>().HistoryAsync(agent);
                var taken = await connection.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM offer WHERE agent_id = @AgentId AND status = 'accepted'", new { AgentId = agent });
                Assert.Equal(taken, history.Count(c => c.FromState == AgentState.Reserved && c.ToState == AgentState.Busy));
            }
        }
        finally
        {
            foreach (var hub in hubs)
            {
                await hub.DisposeAsync();
            }
        }
    }

    /// <summary>Accept (half), decline, or let it ring; often a second hub races the first with the opposite answer.</summary>
    private static async Task<int> ActAsync(List<IOfferLifecycle> lifecycles, Offer offer, int roll, int hub, int rival)
    {
        var first = lifecycles[hub];
        var second = lifecycles[rival];
        Task<OfferResult> Accept(IOfferLifecycle e) => e.AcceptAsync(offer.Id, offer.AgentId);
        Task<OfferResult> Decline(IOfferLifecycle e) => e.DeclineAsync(offer.Id, offer.AgentId);
        OfferResult[] results = roll switch
        {
            < 30 => [await Accept(first)],
            < 50 => await Task.WhenAll(Accept(first), Accept(second)),
            < 65 => await Task.WhenAll(Accept(first), Decline(second)),
            < 80 => [await Decline(first)],
            _ => [],
        };
        var applied = results.Where(r => r.Applied).ToList();
        Assert.True(applied.Count <= 1, "two answers to one offer both applied");
        return applied.Count(r => r.Offer!.Status == OfferStatus.Accepted);
    }

    private static async Task EndCallsAsync(IServiceProvider hub, Guid[] agents)
    {
        var states = hub.GetRequiredService<AgentStateService>();
        foreach (var agent in agents)
        {
            if ((await states.GetAsync(agent))!.State == AgentState.Busy)
            {
                await states.ApplyAsync(agent, AgentEvent.CallEnded(0), AgentEventSource.System);
            }
        }
    }

    // Agents who missed offers in a row are put on break by the machine; the test brings them back to keep routing.
    private static async Task BackFromBreakAsync(IServiceProvider hub, Guid agent)
    {
        var states = hub.GetRequiredService<AgentStateService>();
        if ((await states.GetAsync(agent))!.State == AgentState.Break)
        {
            await states.ApplyAsync(agent, AgentEvent.Of(AgentEventKind.SetAvailable), AgentEventSource.Agent);
        }
    }

    private static async Task<List<string>> SnapshotAsync(RoutingWorld world)
    {
        await using var connection = await world.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        var found = new List<string>();
        found.AddRange((await connection.QueryAsync<Guid>(WorkRingingTwiceSql)).Select(id => $"call {id} rings at two agents"));
        found.AddRange((await connection.QueryAsync<Guid>(AgentRingingTwiceSql)).Select(id => $"agent {id} has two ringing calls"));
        found.AddRange((await connection.QueryAsync<Guid>(RingingWhileBridgedSql)).Select(id => $"offer {id} rings for a bridged call"));
        return found;
    }

    private sealed record EntryRow
    {
        public string CallSid { get; init; } = "";
        public string Status { get; init; } = "";
        public long Accepted { get; init; }
    }
}
