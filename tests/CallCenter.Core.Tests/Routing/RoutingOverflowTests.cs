using CallCenter.Core.Queues;
using CallCenter.Core.Routing;
using CallCenter.Testing;

namespace CallCenter.Core.Tests.Routing;

public sealed class RoutingOverflowTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime T0 = RoutingWorld.T0;

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Overflow_EachKind_MovesOrEndsCallsWaitingPastMaximum(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var target = await world.AddQueueAsync();
        var toQueue = await world.AddQueueAsync(change: q => q with { MaxWaitSeconds = 60, OverflowKind = QueueOverflowKind.Queue, OverflowQueue = target });
        var toVoicemail = await world.AddQueueAsync(change: q => q with { MaxWaitSeconds = 60, OverflowKind = QueueOverflowKind.Voicemail });
        var toCallback = await world.AddQueueAsync(change: q => q with { MaxWaitSeconds = 60, OverflowKind = QueueOverflowKind.Callback });
        var nowhere = await world.AddQueueAsync(change: q => q with { MaxWaitSeconds = 60 });
        var moved = await world.EnqueueAsync(toQueue, T0);
        var voicemail = await world.EnqueueAsync(toVoicemail, T0);
        var callback = await world.EnqueueAsync(toCallback, T0);
        var stays = await world.EnqueueAsync(nowhere, T0);
        var recent = await world.EnqueueAsync(toVoicemail, T0.AddSeconds(30));
        var ringing = await world.EnqueueAsync(toCallback, T0.AddSeconds(-10));
        var agent = await world.AddAgentAsync();
        Assert.Equal(ringing.Id, Assert.Single(await world.RouteAsync(agent)).QueueEntryId);

        world.Time.Advance(TimeSpan.FromSeconds(59));
        var actions = (await world.Moves.OverflowAsync()).ToDictionary(a => a.CallSid);
        var repeat = await world.Moves.OverflowAsync();

        Assert.Equal(new OverflowAction(moved.CallSid, toQueue, OverflowKind.Queue, target, "zh-CN"), actions[moved.CallSid]);
        Assert.Equal(new OverflowAction(voicemail.CallSid, toVoicemail, OverflowKind.Voicemail, null, "zh-CN"), actions[voicemail.CallSid]);
        Assert.Equal(new OverflowAction(callback.CallSid, toCallback, OverflowKind.Callback, null, "zh-CN"), actions[callback.CallSid]);
        Assert.False(actions.ContainsKey(stays.CallSid) || actions.ContainsKey(recent.CallSid) || actions.ContainsKey(ringing.CallSid));
        Assert.DoesNotContain(repeat, a => a.CallSid == moved.CallSid || a.CallSid == voicemail.CallSid);
        var movedEntry = (await world.Queues.FindByCallSidAsync(moved.CallSid))!;
        Assert.Equal((target, QueueStatuses.Waiting, moved.PlaceAt), (movedEntry.QueueName, movedEntry.Status, movedEntry.PlaceAt));
        Assert.Equal(QueueStatuses.Overflowed, (await world.Queues.FindByCallSidAsync(voicemail.CallSid))!.Status);
        Assert.Equal(QueueStatuses.Overflowed, (await world.Queues.FindByCallSidAsync(callback.CallSid))!.Status);
        Assert.Equal(QueueStatuses.Waiting, (await world.Queues.FindByCallSidAsync(stays.CallSid))!.Status);
    }
}
