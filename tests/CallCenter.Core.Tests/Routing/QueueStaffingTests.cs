using CallCenter.Core.Agents;
using CallCenter.Core.Routing;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Core.Tests.Routing;

/// <summary>The agents a caller's wait estimate is shared over: the queue's skill, working now; the free ones apart.</summary>
public sealed class QueueStaffingTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ForQueue_CountsWorkingAgentsWithTheSkill_AndTheFreeOnes(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var staffing = world.Services.GetRequiredService<IQueueStaffing>();
        var empty = await staffing.ForQueueAsync(queue);

        await world.AddAgentAsync();                                  // available
        var onBreak = await world.AddAgentAsync();
        await world.ApplyAsync(onBreak, AgentEvent.Break("lunch"));   // takes no calls
        var reserved = await world.AddAgentAsync();
        Assert.True(await world.States.TryReserveAsync(reserved));   // ringing: working, not free
        world.Time.Advance(QueueStaffingCache());

        var staff = await staffing.ForQueueAsync(queue);

        Assert.Equal(new QueueStaff(0, 0), empty);
        Assert.Equal(new QueueStaff(Staffed: 2, Available: 1), staff);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ForQueue_AskedAgainAtOnce_AnswersFromTheLastCount(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var staffing = world.Services.GetRequiredService<IQueueStaffing>();
        var before = await staffing.ForQueueAsync(queue);

        await world.AddAgentAsync();                                  // advances the clock one second only
        var soon = await staffing.ForQueueAsync(queue);
        world.Time.Advance(QueueStaffingCache());
        var later = await staffing.ForQueueAsync(queue);

        Assert.Equal(before, soon);
        Assert.Equal(new QueueStaff(1, 1), later);
    }

    private static TimeSpan QueueStaffingCache() => TimeSpan.FromSeconds(2);
}
