using CallCenter.Core.Agents;
using CallCenter.Core.Queues;
using CallCenter.Core.Routing;
using CallCenter.Testing;

namespace CallCenter.Core.Tests.Routing;

public sealed class RoutingStrategyTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Route_LongestIdle_OffersAgentAvailableLongest(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var recent = await world.AddAgentAsync();
        var idle = await world.AddAgentAsync();
        await world.ApplyAsync(recent, AgentEvent.Break("coffee"));
        await world.ApplyAsync(recent, AgentEvent.Of(AgentEventKind.SetAvailable)); // available again: idle since now
        await world.EnqueueAsync(queue, world.Now);

        var offer = Assert.Single(await world.RouteAsync());

        Assert.Equal((idle, WorkKind.Call, OfferStatus.Ringing), (offer.AgentId, offer.Kind, offer.Status));
        Assert.Equal((AgentState.Reserved, AgentState.Available), (await world.StateOfAsync(idle), await world.StateOfAsync(recent)));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Route_RoundRobin_OffersNeverOfferedThenLeastRecentlyOffered(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync(QueueStrategy.RoundRobin);
        var a = await world.AddAgentAsync();
        var b = await world.AddAgentAsync();
        var c = await world.AddAgentAsync();
        var picks = new List<Guid>();

        for (var i = 0; i < 4; i++)
        {
            await world.EnqueueAsync(queue, world.Now);
            var offer = Assert.Single(await world.RouteAsync());
            picks.Add(offer.AgentId);
            Assert.True((await world.Offers.DeclineAsync(offer.Id, offer.AgentId)).Applied);
            Assert.True(await world.Offers.WithdrawForCallAsync(offer.CallSid!, "test") is null); // leaves the line
            world.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(new[] { a, b, c, a }, picks);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Route_FewestCalls_OffersAgentWithFewestAnsweredCalls(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync(QueueStrategy.FewestCalls);
        var busyOne = await world.AddAgentAsync();
        var quiet = await world.AddAgentAsync();
        await world.EnqueueAsync(queue, world.Now);
        var first = Assert.Single(await world.RouteAsync(busyOne));
        Assert.True((await world.Offers.AcceptAsync(first.Id, busyOne)).Applied);
        await world.ApplyAsync(busyOne, AgentEvent.CallEnded(0), AgentEventSource.System); // available again, idle since now
        world.Time.Advance(TimeSpan.FromSeconds(5));
        await world.ApplyAsync(quiet, AgentEvent.Break("coffee"));
        await world.ApplyAsync(quiet, AgentEvent.Of(AgentEventKind.SetAvailable)); // now the most recently idle

        await world.EnqueueAsync(queue, world.Now);
        var offer = Assert.Single(await world.RouteAsync());

        Assert.Equal(quiet, offer.AgentId);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Route_SkillsProficiency_OffersHighestTotalProficiency(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync(QueueStrategy.SkillsProficiency);
        await world.AddAgentAsync(3, (world.Skill, 9), ("zh", 2));
        var best = await world.AddAgentAsync(3, (world.Skill, 6), ("zh", 8));
        await world.AddAgentAsync(3, (world.Skill, 10));
        await world.EnqueueAsync(queue, world.Now, skills: "zh");

        var offer = Assert.Single(await world.RouteAsync());

        Assert.Equal(best, offer.AgentId);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Route_EntryNeedsSkill_OnlyAgentsWithEverySkillGetIt(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var english = await world.AddAgentAsync(3, ("en", 5));
        var both = await world.AddAgentAsync(3, ("en", 5), ("yue", 4));
        var entry = await world.EnqueueAsync(queue, world.Now, skills: "en,yue");

        var offers = await world.RouteAsync(english);
        var offer = Assert.Single(await world.RouteAsync());

        Assert.Empty(offers);
        Assert.Equal((both, entry.Id), (offer.AgentId, offer.QueueEntryId));
    }
}
