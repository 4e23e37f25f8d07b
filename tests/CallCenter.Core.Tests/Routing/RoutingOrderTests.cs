using CallCenter.Core.Agents;
using CallCenter.Core.Queues;
using CallCenter.Core.Routing;
using CallCenter.Testing;

namespace CallCenter.Core.Tests.Routing;

/// <summary>The order of the line: priority with ageing, oldest first, never backwards, callbacks in their place.</summary>
public sealed class RoutingOrderTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime T0 = RoutingWorld.T0;

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Route_PriorityWithAgeing_OffersByPlace(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var old = await world.EnqueueAsync(queue, T0);
        var urgent = await world.EnqueueAsync(queue, T0.AddMinutes(4), priority: 5);  // place T0 - 1 min: ahead of old
        var slightly = await world.EnqueueAsync(queue, T0.AddMinutes(3), priority: 1); // place T0 + 2 min: behind old
        var sameAsOld = await world.EnqueueAsync(queue, T0.AddMinutes(1));

        var order = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var agent = await world.AddAgentAsync();
            order.Add(Assert.Single(await world.RouteAsync(agent)).QueueEntryId!.Value);
        }

        Assert.Equal(new[] { urgent.Id, old.Id, sameAsOld.Id, slightly.Id }, order);
        Assert.Equal(new[] { 1, 0, 3, 2 }, await Task.WhenAll(new[] { old, urgent, slightly, sameAsOld }.Select(e => world.Queues.CountAheadAsync(e))));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Decline_CallGoesToNextAgentAndKeepsItsPlace(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var first = await world.AddAgentAsync();
        var second = await world.AddAgentAsync();
        var call = await world.EnqueueAsync(queue, T0);
        var offer = Assert.Single(await world.RouteAsync(first));
        var later = await world.EnqueueAsync(queue, T0.AddMinutes(1));

        var declined = await world.Offers.DeclineAsync(offer.Id, first);
        var next = Assert.Single(await world.RouteAsync(second));

        Assert.Equal((OfferOutcome.Applied, OfferStatus.Declined), (declined.Outcome, declined.Offer!.Status));
        Assert.Equal((call.Id, second), (next.QueueEntryId, next.AgentId));
        Assert.Equal(call.PlaceAt, (await world.Queues.FindByCallSidAsync(call.CallSid))!.PlaceAt);
        Assert.Equal(0, await world.Queues.CountAheadAsync(call));
        Assert.Equal(1, await world.Queues.CountAheadAsync(later));
        var status = (await world.States.GetAsync(first))!;
        Assert.Equal((AgentState.Available, 0), (status.State, status.MissedOffers));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Expire_OfferRangOut_NextAgentGetsItAndRefuserOnlyIfNoOneElse(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var slow = await world.AddAgentAsync();
        var other = await world.AddAgentAsync();
        var call = await world.EnqueueAsync(queue, T0);
        var offer = Assert.Single(await world.RouteAsync(slow));

        world.Time.Advance(TimeSpan.FromSeconds(14));
        var early = await world.Offers.ExpireAsync();
        world.Time.Advance(TimeSpan.FromSeconds(1));
        var expired = Assert.Single(await world.Offers.ExpireAsync(), o => o.Id == offer.Id);
        await world.ApplyAsync(other, AgentEvent.Break("lunch"));
        var again = Assert.Single(await world.RouteAsync()); // the other agent is away: the one who missed it gets it again

        Assert.DoesNotContain(early, o => o.Id == offer.Id);
        Assert.Equal(OfferStatus.TimedOut, expired.Status);
        Assert.Equal((call.Id, slow), (again.QueueEntryId, again.AgentId));
        Assert.Equal(1, (await world.States.GetAsync(slow))!.MissedOffers);
        Assert.True((await world.Offers.DeclineAsync(again.Id, slow)).Applied);
        await world.ApplyAsync(other, AgentEvent.Of(AgentEventKind.SetAvailable));
        world.Time.Advance(TimeSpan.FromMinutes(1)); // slow is now the longest idle, but turned the call down twice
        Assert.Equal(other, Assert.Single(await world.RouteAsync()).AgentId);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Expire_MissedOffersInARow_PutsAgentOnBreak(string engine)
    {
        var settings = new Dictionary<string, string?> { ["AgentState:MaxMissedOffers"] = "2" };
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine), settings);
        var queue = await world.AddQueueAsync();
        var agent = await world.AddAgentAsync();
        await world.EnqueueAsync(queue, T0);

        for (var i = 0; i < 2; i++)
        {
            Assert.Single(await world.RouteAsync());
            world.Time.Advance(TimeSpan.FromSeconds(15));
            Assert.Single(await world.Offers.ExpireAsync(), o => o.AgentId == agent);
        }

        var status = (await world.States.GetAsync(agent))!;
        Assert.Equal((AgentState.Break, AgentTransitions.MissedOffersReason, 2), (status.State, status.Reason, status.MissedOffers));
        Assert.Empty(await world.RouteAsync());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Route_CallbackRequest_KeepsItsCallsPlace(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var first = await world.EnqueueAsync(queue, T0, priority: 1);
        var second = await world.EnqueueAsync(queue, T0.AddSeconds(30));
        Assert.True(await world.Queues.AddCallbackAsync(new CallbackRequestRow
        {
            Id = Guid.CreateVersion7(), CallSid = first.CallSid, QueueName = queue, Number = first.CallerNumber, Language = "zh-CN",
            Priority = first.Priority, PlaceEnqueuedAt = first.EnqueuedAt, Status = QueueStatuses.Requested, CreatedAt = T0.AddMinutes(2),
        }, T0.AddMinutes(2)));
        var third = await world.EnqueueAsync(queue, T0.AddMinutes(3));

        var agent = await world.AddAgentAsync();
        var offer = Assert.Single(await world.RouteAsync(agent));
        var accepted = await world.Offers.AcceptAsync(offer.Id, agent);

        Assert.Equal((WorkKind.Callback, first.CallSid, T0), (offer.Kind, offer.CallSid, offer.WaitingSince));
        Assert.True(accepted.Applied);
        Assert.Equal(QueueStatuses.Assigned, (await world.Queues.FindCallbackAsync(first.CallSid))!.Status);
        Assert.Equal(1, await world.Queues.CountAheadAsync(third));
        Assert.Equal(0, await world.Queues.CountAheadAsync(second));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Requeue_AfterAnAgentHadIt_WaitsInNewQueueInOriginalPlace(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var target = await world.AddQueueAsync();
        var agent = await world.AddAgentAsync();
        var call = await world.EnqueueAsync(queue, T0);
        var offer = Assert.Single(await world.RouteAsync(agent));
        Assert.True((await world.Offers.AcceptAsync(offer.Id, agent)).Applied);
        world.Time.Advance(TimeSpan.FromMinutes(5));
        var newcomer = await world.EnqueueAsync(target, world.Now);

        Assert.True(await world.Moves.RequeueAsync(call.CallSid, target));
        Assert.False(await world.Moves.RequeueAsync(call.CallSid, "no-such-queue"));

        var moved = (await world.Queues.FindByCallSidAsync(call.CallSid))!;
        Assert.Equal((target, QueueStatuses.Waiting, call.PlaceAt, (Guid?)null), (moved.QueueName, moved.Status, moved.PlaceAt, moved.AgentId));
        Assert.Equal(1, await world.Queues.CountAheadAsync(newcomer));
    }
}
