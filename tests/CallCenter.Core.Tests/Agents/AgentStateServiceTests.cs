using CallCenter.Core.Agents;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Core.Tests.Agents;

public sealed class AgentStateServiceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime T0 = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(T0));

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Get_AgentNeverSeen_IsOfflineSinceNow(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var agent = await AgentTestData.AddAgentAsync(services);

        var status = await services.GetRequiredService<AgentStateService>().GetAsync(agent);

        Assert.Equal((AgentState.Offline, T0, 0), (status!.State, status.Since, status.Version));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Apply_UnknownUser_IsNotFound(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);

        var result = await services.GetRequiredService<AgentStateService>()
            .ApplyAsync(Guid.NewGuid(), AgentEvent.Of(AgentEventKind.SetAvailable), AgentEventSource.Agent);

        Assert.Equal(AgentChangeOutcome.NotFound, result.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Apply_WholeCall_HoldsWrapUpUntilItRunsOut(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var agents = services.GetRequiredService<AgentStateService>();
        var agent = await AgentTestData.AddAgentAsync(services);
        await ApplyAsync(agents, agent, AgentEvent.Of(AgentEventKind.SetAvailable));
        Assert.True(await agents.TryReserveAsync(agent));
        await ApplyAsync(agents, agent, AgentEvent.Of(AgentEventKind.OfferAccepted));
        _time.Advance(TimeSpan.FromMinutes(3));
        await ApplyAsync(agents, agent, AgentEvent.CallEnded(30), AgentEventSource.System);

        var early = await agents.ExpireWrapUpsAsync(T0.AddMinutes(3).AddSeconds(29));
        var held = await agents.GetAsync(agent);
        var moved = await agents.ExpireWrapUpsAsync(T0.AddMinutes(3).AddSeconds(30));
        var freed = await agents.GetAsync(agent);

        Assert.DoesNotContain(agent, early);
        Assert.Contains(agent, moved);

        Assert.Equal((AgentState.WrapUp, T0.AddMinutes(3).AddSeconds(30)), (held!.State, held.WrapUpUntil));
        Assert.Equal((AgentState.Available, T0.AddMinutes(3).AddSeconds(30)), (freed!.State, freed.Since));
        var path = (await services.GetRequiredService<IAgentStatusRepository>().HistoryAsync(agent)).Select(c => c.ToState);
        Assert.Equal(new[] { AgentState.Available, AgentState.Reserved, AgentState.Busy, AgentState.WrapUp, AgentState.Available }, path);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task ExpireWrapUps_AgentEndedWrapUpEarly_LeavesThemAlone(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var agents = services.GetRequiredService<AgentStateService>();
        var agent = await InWrapUpAsync(services, agents, wrapUpSeconds: 60);
        await ApplyAsync(agents, agent, AgentEvent.Of(AgentEventKind.EndWrapUp));
        await ApplyAsync(agents, agent, AgentEvent.Break("training"));

        await agents.ExpireWrapUpsAsync(T0.AddMinutes(5));

        var status = await agents.GetAsync(agent);
        Assert.Equal((AgentState.Break, "training"), (status!.State, status.Reason));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Apply_OfflineDuringCall_IsRefusedAndChangesNothing(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var agents = services.GetRequiredService<AgentStateService>();
        var agent = await AgentTestData.AddAgentAsync(services);
        await ApplyAsync(agents, agent, AgentEvent.Of(AgentEventKind.SetAvailable));
        Assert.True(await agents.TryReserveAsync(agent));
        await ApplyAsync(agents, agent, AgentEvent.Of(AgentEventKind.OfferAccepted));

        var result = await agents.ApplyAsync(agent, AgentEvent.Of(AgentEventKind.SetOffline), AgentEventSource.Agent);

        Assert.Equal((AgentChangeOutcome.Refused, "cannot go offline during a call"), (result.Outcome, result.Reason));
        Assert.Equal(AgentState.Busy, (await agents.GetAsync(agent))!.State);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Apply_MissedOffersFromOptions_PutsAgentOnBreak(string engine)
    {
        var settings = new Dictionary<string, string?> { ["AgentState:MaxMissedOffers"] = "2" };
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time, settings);
        var agents = services.GetRequiredService<AgentStateService>();
        var agent = await AgentTestData.AddAgentAsync(services);
        await ApplyAsync(agents, agent, AgentEvent.Of(AgentEventKind.SetAvailable));

        for (var i = 0; i < 2; i++)
        {
            Assert.True(await agents.TryReserveAsync(agent));
            await ApplyAsync(agents, agent, AgentEvent.Of(AgentEventKind.OfferTimedOut), AgentEventSource.System);
        }

        var status = await agents.GetAsync(agent);
        Assert.Equal((AgentState.Break, AgentTransitions.MissedOffersReason, 2), (status!.State, status.Reason, status.MissedOffers));
        Assert.False(await agents.TryReserveAsync(agent));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Apply_ConcurrentWriters_OneAppliesOthersConflictOrAreRefused(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var agents = services.GetRequiredService<AgentStateService>();
        var agent = await AgentTestData.AddAgentAsync(services);
        await ApplyAsync(agents, agent, AgentEvent.Of(AgentEventKind.SetAvailable));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => agents.ApplyAsync(agent, AgentEvent.Break($"reason {i}"), AgentEventSource.Agent))));

        var applied = results.Where(r => r.Outcome == AgentChangeOutcome.Applied).ToList();
        Assert.NotEmpty(applied);
        var history = await services.GetRequiredService<IAgentStatusRepository>().HistoryAsync(agent);
        Assert.Equal(applied.Count, history.Count(c => c.ToState == AgentState.Break));
        Assert.Equal(1 + applied.Count, (await agents.GetAsync(agent))!.Version);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Apply_AcceptRacingTimeout_ExactlyOneWins(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var agents = services.GetRequiredService<AgentStateService>();
        var agent = await AgentTestData.AddAgentAsync(services);
        await ApplyAsync(agents, agent, AgentEvent.Of(AgentEventKind.SetAvailable));
        Assert.True(await agents.TryReserveAsync(agent));

        var results = await Task.WhenAll(
            Task.Run(() => agents.ApplyAsync(agent, AgentEvent.Of(AgentEventKind.OfferAccepted), AgentEventSource.Agent)),
            Task.Run(() => agents.ApplyAsync(agent, AgentEvent.Of(AgentEventKind.OfferTimedOut), AgentEventSource.System)));

        var winner = Assert.Single(results, r => r.Outcome == AgentChangeOutcome.Applied);
        Assert.Equal(winner.Status!.State, (await agents.GetAsync(agent))!.State);
        var history = await services.GetRequiredService<IAgentStatusRepository>().HistoryAsync(agent);
        Assert.Single(history, c => c.FromState == AgentState.Reserved);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Roster_AfterTimePasses_ShowsTimeInState(string engine)
    {
        await using var services = (await fixture.GetAsync(engine)).CreateServices(_time);
        var agents = services.GetRequiredService<AgentStateService>();
        var agent = await AgentTestData.AddAgentAsync(services);
        await ApplyAsync(agents, agent, AgentEvent.Of(AgentEventKind.SetAvailable));

        _time.Advance(TimeSpan.FromSeconds(95));
        var roster = await agents.RosterAsync();

        var row = Assert.Single(roster, r => r.Status.UserId == agent);
        Assert.Equal((AgentState.Available, TimeSpan.FromSeconds(95)), (row.Status.State, row.TimeInState));
    }

    private static async Task<Guid> InWrapUpAsync(IServiceProvider services, AgentStateService agents, int wrapUpSeconds)
    {
        var agent = await AgentTestData.AddAgentAsync(services);
        await ApplyAsync(agents, agent, AgentEvent.Of(AgentEventKind.SetAvailable));
        Assert.True(await agents.TryReserveAsync(agent));
        await ApplyAsync(agents, agent, AgentEvent.Of(AgentEventKind.OfferAccepted));
        await ApplyAsync(agents, agent, AgentEvent.CallEnded(wrapUpSeconds), AgentEventSource.System);
        Assert.Equal(AgentState.WrapUp, (await agents.GetAsync(agent))!.State);
        return agent;
    }

    private static async Task ApplyAsync(AgentStateService agents, Guid agent, AgentEvent e, AgentEventSource source = AgentEventSource.Agent)
    {
        var result = await agents.ApplyAsync(agent, e, source);
        Assert.True(result.Outcome == AgentChangeOutcome.Applied, $"{e.Kind}: {result.Outcome} {result.Reason}");
    }
}
