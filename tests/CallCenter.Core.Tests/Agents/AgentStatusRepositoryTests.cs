using CallCenter.Core.Agents;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Agents;

public sealed class AgentStatusRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(T0));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Transition_WithCurrentVersion_MovesAgentAndRecordsHistory(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IAgentStatusRepository>();
        var agent = await AgentTestData.AddAgentAsync(services);
        var initial = await repository.EnsureAsync(AgentStatus.Initial(agent, T0));
        var target = initial with { State = AgentState.Break, Reason = "lunch", Since = T0.AddMinutes(1), UpdatedAt = T0.AddMinutes(1) };

        Assert.True(await repository.TransitionAsync(initial, target));

        var stored = await repository.GetAsync(agent);
        Assert.Equal(target with { Version = 1 }, stored);
        var change = Assert.Single(await repository.HistoryAsync(agent));
        Assert.Equal((AgentState.Offline, AgentState.Break, "lunch", 1, T0.AddMinutes(1)), (change.FromState, change.ToState, change.Reason, change.Version, change.OccurredAt));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Transition_WithStaleVersion_ChangesNothing(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IAgentStatusRepository>();
        var agent = await AgentTestData.AddAgentAsync(services);
        var read = await repository.EnsureAsync(AgentStatus.Initial(agent, T0));
        var available = read with { State = AgentState.Available, Since = T0.AddSeconds(1), UpdatedAt = T0.AddSeconds(1) };
        Assert.True(await repository.TransitionAsync(read, available));

        // A second writer that read before the first wrote: same expected state would pass, the version does not.
        var lost = await repository.TransitionAsync(read, read with { State = AgentState.Available, Since = T0.AddSeconds(2) });

        Assert.False(lost);
        var stored = await repository.GetAsync(agent);
        Assert.Equal((AgentState.Available, T0.AddSeconds(1), 1), (stored!.State, stored.Since, stored.Version));
        Assert.Single(await repository.HistoryAsync(agent));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Ensure_Twice_KeepsFirstStatus(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IAgentStatusRepository>();
        var agent = await AgentTestData.AddAgentAsync(services);

        await repository.EnsureAsync(AgentStatus.Initial(agent, T0));
        var second = await repository.EnsureAsync(AgentStatus.Initial(agent, T0.AddHours(1)));

        Assert.Equal(T0, second.Since);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TryReserve_ManyConcurrentRouters_ExactlyOneWins(string engine)
    {
        var database = await fixture.GetAsync(engine);
        await using var setup = database.CreateServices(_time);
        var agent = await AgentTestData.AddAgentAsync(setup);
        var repository = setup.GetRequiredService<IAgentStatusRepository>();
        var initial = await repository.EnsureAsync(AgentStatus.Initial(agent, T0));
        Assert.True(await repository.TransitionAsync(initial, initial with { State = AgentState.Available }));

        // One service provider per router, as separate hub processes would each have their own.
        var routers = Enumerable.Range(0, 16).Select(_ => database.CreateServices(_time)).ToList();
        try
        {
            var results = await Task.WhenAll(routers.Select(r =>
                Task.Run(() => r.GetRequiredService<IAgentStatusRepository>().TryReserveAsync(agent, T0.AddSeconds(5)))));

            Assert.Equal(1, results.Count(won => won));
        }
        finally
        {
            foreach (var router in routers)
            {
                await router.DisposeAsync();
            }
        }

        var stored = await repository.GetAsync(agent);
        Assert.Equal((AgentState.Reserved, 2, T0.AddSeconds(5)), (stored!.State, stored.Version, stored.Since));
        Assert.Single(await repository.HistoryAsync(agent), c => c.ToState == AgentState.Reserved);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TryReserve_AgentNotAvailable_ChangesNothing(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IAgentStatusRepository>();
        var agent = await AgentTestData.AddAgentAsync(services);
        await repository.EnsureAsync(AgentStatus.Initial(agent, T0));

        Assert.False(await repository.TryReserveAsync(agent, T0.AddSeconds(1)));
        var stored = await repository.GetAsync(agent);
        Assert.Equal((AgentState.Offline, 0), (stored!.State, stored.Version));
        Assert.Empty(await repository.HistoryAsync(agent));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task List_IncludesEveryKnownAgent(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var repository = services.GetRequiredService<IAgentStatusRepository>();
        var first = await AgentTestData.AddAgentAsync(services);
        var second = await AgentTestData.AddAgentAsync(services);
        await repository.EnsureAsync(AgentStatus.Initial(first, T0));
        await repository.EnsureAsync(AgentStatus.Initial(second, T0));

        var all = await repository.ListAsync();

        Assert.Superset(new HashSet<Guid> { first, second }, all.Select(s => s.UserId).ToHashSet());
    }
}
