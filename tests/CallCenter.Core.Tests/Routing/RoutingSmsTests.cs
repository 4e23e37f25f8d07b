using CallCenter.Core.Agents;
using CallCenter.Core.Conversations;
using CallCenter.Core.Queues;
using CallCenter.Core.Routing;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Tests.Routing;

/// <summary>SMS conversations: one test per class, as every waiting conversation on the database is routed together.</summary>
public sealed class RoutingSmsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Route_Conversations_UpToEachAgentsSmsCapacityWithoutTouchingVoiceState(string engine)
    {
        var smsQueue = UniqueData.Name("sms");
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine), new Dictionary<string, string?> { ["Routing:SmsQueue"] = smsQueue });
        await world.AddQueueAsync(change: q => q with { Name = smsQueue });
        var agent = await world.AddAgentAsync(smsCapacity: 1);
        var noSkill = Guid.NewGuid(); // connected but unknown to routing: never offered anything
        var first = await OpenAsync(world);
        world.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await OpenAsync(world);

        var offer = Assert.Single(await world.RouteAsync(agent, noSkill));
        Assert.Empty(await world.RouteAsync(agent)); // one ringing conversation offer at a time
        Assert.True((await world.Offers.AcceptAsync(offer.Id, agent)).Applied);
        Assert.Empty(await world.RouteAsync(agent)); // capacity 1, held 1
        var held = Assert.Single(await world.Reader.HeldConversationsAsync(agent));
        Assert.True(await world.Offers.CloseConversationAsync(first, agent));
        Assert.True(await world.Offers.CloseConversationAsync(first, agent));
        var next = Assert.Single(await world.RouteAsync(agent));

        Assert.Equal((WorkKind.Conversation, first, smsQueue), (offer.Kind, offer.ConversationId, offer.QueueName));
        Assert.Equal(first, held.ConversationId);
        Assert.Equal(second, next.ConversationId);
        Assert.Equal(AgentState.Available, await world.StateOfAsync(agent));
        Assert.Empty(await world.Reader.HeldConversationsAsync(agent));

        // SMS capacity is not voice capacity: an agent ringing for a conversation still takes a call.
        var queue = await world.AddQueueAsync();
        await world.EnqueueAsync(queue, world.Now);
        Assert.Equal(WorkKind.Call, Assert.Single(await world.RouteAsync(agent)).Kind);
    }

    private static Task<Guid> OpenAsync(RoutingWorld world) =>
        world.Services.GetRequiredService<IConversationRepository>().AddMessageAsync(
            new Conversation
            {
                Id = Guid.CreateVersion7(), Phone = UniqueData.ChinaMobile(), Status = ConversationStatuses.Open, OpenedAt = world.Now,
                LastMessageAt = world.Now, Reason = "question",
            },
            "SM" + Guid.NewGuid().ToString("N"), Guid.CreateVersion7(), world.Now);
}
