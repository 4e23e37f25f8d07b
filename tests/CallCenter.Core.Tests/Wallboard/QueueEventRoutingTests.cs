using CallCenter.Core.Agents;
using CallCenter.Core.Queues;
using CallCenter.Core.Routing;
using CallCenter.Core.Tests.Routing;
using CallCenter.Core.Wallboard;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Tests.Wallboard;

/// <summary>Offers, answers, moves and overflow append their queue events once, in the change's transaction.</summary>
public sealed class QueueEventRoutingTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime T0 = RoutingWorld.T0;

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task OfferLife_DeclinedRungOutWithdrawnThenAccepted_AppendsEachEndAndConnectedWithWait(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var agent = await world.AddAgentAsync();
        var call = await world.EnqueueAsync(queue, world.Now);
        var joined = world.Now;

        var first = Assert.Single(await world.RouteAsync(agent));
        world.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(OfferOutcome.Applied, (await world.Offers.DeclineAsync(first.Id, agent)).Outcome);
        Assert.Equal(OfferOutcome.NotRinging, (await world.Offers.DeclineAsync(first.Id, agent)).Outcome);
        world.Time.Advance(TimeSpan.FromSeconds(1));

        var second = Assert.Single(await world.RouteAsync(agent));
        world.Time.Advance(second.ExpiresAt - world.Now);
        Assert.Contains(await world.Offers.ExpireAsync(), o => o.Id == second.Id);
        Assert.DoesNotContain(await world.Offers.ExpireAsync(), o => o.Id == second.Id);
        world.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Single(await world.RouteAsync(agent));
        world.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(await world.Offers.WithdrawForAgentAsync(agent, "desk-gone"));
        world.Time.Advance(TimeSpan.FromSeconds(1));

        var last = Assert.Single(await world.RouteAsync(agent));
        world.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(OfferOutcome.Applied, (await world.Offers.AcceptAsync(last.Id, agent)).Outcome);
        Assert.Equal(OfferOutcome.NotRinging, (await world.Offers.AcceptAsync(last.Id, agent)).Outcome);

        var events = await QueueEventRows.ForCallAsync(world.Services, call.CallSid);
        Assert.Equal(
            ["entered", "offered", "offer-declined", "offered", "ring-no-answer", "offered", "offer-withdrawn", "offered", "connected"],
            events.Select(e => e.Kind));
        Assert.All(events.Skip(1), e => Assert.Equal((queue, (Guid?)agent, (Guid?)call.Id), (e.QueueName, e.AgentId, e.QueueEntryId)));
        var connected = events[^1];
        Assert.Equal((long)(world.Now - joined).TotalMilliseconds, connected.WaitMs);
        Assert.Equal(world.Now, connected.OccurredAt);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CallbackRequest_OfferedAndAccepted_AppendsWithRequestAndWaitFromRequest(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var agent = await world.AddAgentAsync();
        var call = await world.EnqueueAsync(queue, world.Now);
        world.Time.Advance(TimeSpan.FromSeconds(10));
        var requestedAt = world.Now;
        var request = new CallbackRequestRow
        {
            Id = Guid.CreateVersion7(), CallSid = call.CallSid, QueueName = queue, Number = call.CallerNumber, Language = call.Language,
            PlaceEnqueuedAt = call.EnqueuedAt, Status = QueueStatuses.Requested, CreatedAt = requestedAt,
        };
        Assert.True(await world.Queues.AddCallbackAsync(request, requestedAt));
        world.Time.Advance(TimeSpan.FromSeconds(50));

        var offer = Assert.Single(await world.RouteAsync(agent));
        world.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(OfferOutcome.Applied, (await world.Offers.AcceptAsync(offer.Id, agent)).Outcome);

        var events = await QueueEventRows.ForCallAsync(world.Services, call.CallSid);
        Assert.Equal(["entered", "callback-requested", "offered", "connected"], events.Select(e => e.Kind));
        Assert.Equal((1L, 10_000L), (events[1].Position, events[1].WaitMs));
        Assert.All(events.Skip(2), e => Assert.Equal(((Guid?)request.Id, (Guid?)agent, (Guid?)null), (e.CallbackRequestId, e.AgentId, e.QueueEntryId)));
        Assert.Equal(54_000L, events[3].WaitMs);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task WithdrawForCall_CallerHungUpWhileRinging_AppendsAbandonedOnlyAndOnce(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var agent = await world.AddAgentAsync();
        var call = await world.EnqueueAsync(queue, world.Now);
        Assert.Single(await world.RouteAsync(agent));
        world.Time.Advance(TimeSpan.FromSeconds(6));

        await world.Offers.WithdrawForCallAsync(call.CallSid, "caller-left");
        await world.Offers.WithdrawForCallAsync(call.CallSid, "caller-left");
        await world.Queues.EndAsync(call.CallSid, QueueStatuses.Left, "hangup", world.Now);

        var events = await QueueEventRows.ForCallAsync(world.Services, call.CallSid);
        Assert.Equal(["entered", "offered", "abandoned"], events.Select(e => e.Kind));
        Assert.Equal((1L, 6_000L, "caller-left"), (events[2].Position, events[2].WaitMs, events[2].Detail));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Claim_AgentNotFree_RollsBackAndAppendsNoOffered(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var sender = await world.AddAgentAsync();
        var onBreak = await world.AddAgentAsync();
        await world.ApplyAsync(onBreak, AgentEvent.Break("lunch"));
        var call = await world.EnqueueAsync(queue, world.Now);

        // The work is claimed first in the transaction, then the agent is found not free: all of it is rolled back.
        Assert.Null(await world.Router.OfferToAgentAsync(call.CallSid, onBreak, sender, null));

        Assert.Equal(["entered"], (await QueueEventRows.ForCallAsync(world.Services, call.CallSid)).Select(e => e.Kind));
        Assert.Equal(QueueStatuses.Waiting, (await world.Queues.FindByCallSidAsync(call.CallSid))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Moves_TransferAndMissedPhone_AppendTransferredEnteredAndRingNoAnswer(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var target = await world.AddQueueAsync();
        var agent = await world.AddAgentAsync();
        var other = await world.AddAgentAsync();
        var call = await world.EnqueueAsync(queue, world.Now);
        var joined = world.Now;
        var offer = Assert.Single(await world.RouteAsync(agent));
        await world.Offers.AcceptAsync(offer.Id, agent);
        world.Time.Advance(TimeSpan.FromSeconds(40));

        Assert.True(await world.Moves.RequeueAsync(call.CallSid, target));
        Assert.False(await world.Moves.RequeueAsync(call.CallSid, "no-such-queue"));
        var movedAt = world.Now;
        var again = Assert.Single(await world.RouteAsync(other));
        await world.Offers.AcceptAsync(again.Id, other);
        world.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(await world.Moves.ReturnAfterMissAsync(call.CallSid, target));

        var events = await QueueEventRows.ForCallAsync(world.Services, call.CallSid);
        Assert.Equal(["entered", "offered", "connected", "transferred", "entered", "offered", "connected", "ring-no-answer"], events.Select(e => e.Kind));
        Assert.Equal((queue, (Guid?)agent, target, (long)(movedAt - joined).TotalMilliseconds), (events[3].QueueName, events[3].AgentId, events[3].Detail, events[3].WaitMs));
        Assert.Equal((target, movedAt), (events[4].QueueName, events[4].OccurredAt));
        Assert.Equal((target, (Guid?)other, "not-connected"), (events[7].QueueName, events[7].AgentId, events[7].Detail));

        // The miss carries the wait its connected counted, and the board takes that answer back: one answer, in the first queue.
        Assert.Equal(events[6].WaitMs, events[7].WaitMs);
        world.Time.Advance(TimeSpan.FromSeconds(1));
        var board = await world.Services.GetRequiredService<IWallboardBoard>().CurrentAsync();
        Assert.Equal(1, Assert.Single(board.Queues, q => q.Queue == queue).Today.Answered);
        var targetToday = Assert.Single(board.Queues, q => q.Queue == target).Today;
        Assert.Equal((0, 0, (double?)null), (targetToday.Answered, targetToday.AnsweredWithinThreshold, targetToday.AverageSpeedOfAnswerSeconds));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Overflow_ToQueueAndToVoicemail_AppendsOverflowedEnteredAndTimedOutOnce(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var target = await world.AddQueueAsync();
        var toQueue = await world.AddQueueAsync(change: q => q with { MaxWaitSeconds = 60, OverflowKind = QueueOverflowKind.Queue, OverflowQueue = target });
        var toVoicemail = await world.AddQueueAsync(change: q => q with { MaxWaitSeconds = 60, OverflowKind = QueueOverflowKind.Voicemail });
        var moved = await world.EnqueueAsync(toQueue, T0);
        var voicemail = await world.EnqueueAsync(toVoicemail, T0);
        world.Time.Advance(T0.AddSeconds(61) - world.Now);

        await world.Moves.OverflowAsync();
        await world.Moves.OverflowAsync();

        var movedEvents = await QueueEventRows.ForCallAsync(world.Services, moved.CallSid);
        Assert.Equal([("entered", toQueue), ("overflowed", toQueue), ("entered", target)], movedEvents.Select(e => (e.Kind, e.QueueName)));
        Assert.Equal((61_000L, target), (movedEvents[1].WaitMs, movedEvents[1].Detail));
        var voicemailEvents = await QueueEventRows.ForCallAsync(world.Services, voicemail.CallSid);
        Assert.Equal(["entered", "timed-out"], voicemailEvents.Select(e => e.Kind));
        Assert.Equal((61_000L, "voicemail"), (voicemailEvents[1].WaitMs, voicemailEvents[1].Detail));
    }
}
