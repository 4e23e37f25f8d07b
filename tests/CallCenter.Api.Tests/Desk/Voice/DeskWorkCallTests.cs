using System.Data.Common;
using CallCenter.Core.Accounts;
using CallCenter.Core.Data;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Desk.Voice;
using CallCenter.Core.Wallboard;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Api.Tests.Desk.Voice;

/// <summary>
/// The voice path's operations on the agent's work row (<see cref="IDeskCallRepository"/> over desk_work): one row per
/// offer, conditional changes, and at most one live row per call.
/// </summary>
public sealed class DeskWorkCallTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    private const string LiveRowsSql = """
        SELECT COUNT(*) FROM desk_work WHERE call_sid = @CallSid AND call_status IN ('connecting', 'connected', 'on-hold', 'transferring')
        """;

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TryStart_SameOfferAgain_FalseAndRowKept(string engine)
    {
        var (services, repository, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        var call = await WorkAsync(repository, agentId);

        Assert.True(await repository.TryStartAsync(call));
        Assert.False(await repository.TryStartAsync(call with { Status = DeskCallStatuses.Connected }));

        Assert.Equal(call with { Version = 1 }, await repository.FindByOfferAsync(call.OfferId));
        Assert.Equal(call with { Version = 1 }, await repository.FindLiveAsync(call.CallSid));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TryStart_NoWorkForTheOffer_FalseAndNothingStored(string engine)
    {
        var (services, repository, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        var call = Row(agentId);

        Assert.False(await repository.TryStartAsync(call));

        Assert.Null(await repository.FindByOfferAsync(call.OfferId));
        Assert.Null(await repository.FindLiveAsync(call.CallSid));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TryStart_Callback_WorkMovesToTheCallPlacedToThePatient(string engine)
    {
        var (services, repository, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        var requested = await WorkAsync(repository, agentId);
        var placed = requested with { CallSid = "CA" + Guid.NewGuid().ToString("N") };

        Assert.True(await repository.TryStartAsync(placed));

        var work = await repository.LatestForCallAsync(agentId, placed.CallSid);
        Assert.Equal((requested.OfferId, DeskCallStatuses.Connecting), (work!.OfferId, work.CallStatus));
        Assert.Null(await repository.LatestForCallAsync(agentId, requested.CallSid));
        Assert.Equal(placed.CallSid, (await repository.ForOfferAsync(requested.OfferId))!.CallSid);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TryStart_CallStillWithAnAgent_AnotherOfferRefused(string engine)
    {
        var (services, repository, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        var first = await WorkAsync(repository, agentId);
        await repository.TryStartAsync(first);
        var second = await WorkAsync(repository, agentId, first.CallSid);

        Assert.False(await repository.TryStartAsync(second));

        Assert.Equal(first.OfferId, (await repository.FindLiveAsync(first.CallSid))!.OfferId);
        Assert.Null(await repository.FindByOfferAsync(second.OfferId));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TryStart_CallEndedBefore_NextOfferStartsOnItsOwnRow(string engine)
    {
        var (services, repository, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        var first = await WorkAsync(repository, agentId);
        await repository.TryStartAsync(first);
        Assert.True(await repository.TryUpdateAsync(first with { Status = DeskCallStatuses.Ended, EndedAt = Now, EndReason = DeskEndReasons.Requeued }, 1));
        var next = await WorkAsync(repository, agentId, first.CallSid);

        Assert.True(await repository.TryStartAsync(next));

        var live = await repository.FindLiveAsync(first.CallSid);
        Assert.Equal((next.OfferId, DeskCallStatuses.Connecting, null, 1), (live!.OfferId, live.Status, live.EndReason, live.Version));
        var ended = await repository.FindByOfferAsync(first.OfferId);
        Assert.Equal((DeskCallStatuses.Ended, DeskEndReasons.Requeued, (DateTime?)Now), (ended!.Status, ended.EndReason, ended.EndedAt));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TryUpdate_StaleVersion_ChangesNothing(string engine)
    {
        var (services, repository, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        var call = await WorkAsync(repository, agentId);
        await repository.TryStartAsync(call);
        var connected = call with { Status = DeskCallStatuses.Connected, ConnectedAt = Now };

        Assert.True(await repository.TryUpdateAsync(connected, 1));
        Assert.False(await repository.TryUpdateAsync(call with { Status = DeskCallStatuses.Ended, EndedAt = Now, EndReason = "agent-hung-up" }, 1));

        Assert.Equal(connected with { Version = 2 }, await repository.FindLiveAsync(call.CallSid));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task EndAgentPart_EndsTheDesksWorkOnTheSameRow(string engine)
    {
        var (services, repository, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        var call = await WorkAsync(repository, agentId);
        await repository.TryStartAsync(call);

        var change = await repository.ChangeOfferAsync(call.OfferId, row => row.EndAgentPart(DeskEndReasons.CallerHungUp, Now), CancellationToken.None);

        Assert.True(change.Changed);
        var work = await repository.ForOfferAsync(call.OfferId);
        Assert.Equal((DeskCallStatuses.Ended, (DateTime?)Now, DeskEndReasons.CallerHungUp), (work!.CallStatus, work.EndedAt, work.EndReason));
        Assert.Empty(await repository.ActiveForAgentAsync(agentId));
        Assert.Null(await repository.FindLiveAsync(call.CallSid));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task DeskEnd_VoiceChangeDecidedBeforeIt_RefusedSoTheWorkStaysEnded(string engine)
    {
        var (services, repository, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        var call = await WorkAsync(repository, agentId);
        await repository.TryStartAsync(call);
        var read = (await repository.FindByOfferAsync(call.OfferId))!;

        Assert.True(await repository.EndAsync(call.OfferId, "ended", Now));

        Assert.False(await repository.TryUpdateAsync(read with { Status = DeskCallStatuses.Connected, ConnectedAt = Now }, read.Version));
        Assert.Equal((DateTime?)Now, (await repository.ForOfferAsync(call.OfferId))!.EndedAt);
    }

    /// <summary>
    /// Two offers of one call (two agents, or a hub process each) start the voice path at the same instant: the unique
    /// index on live calls lets exactly one through, and the other start is a lost race that answers false, not an
    /// exception the desk would turn into an error.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TryStart_TwoOffersRacingForOneCall_ExactlyOneLiveRecord(string engine)
    {
        const int Rounds = 20;
        var database = await fixture.GetAsync(engine);
        var (services, repository, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        await using var rivalServices = database.CreateServices(new FakeTimeProvider(Now));
        var rival = Repository(rivalServices);
        var rivalAgent = (await services.GetRequiredService<AccountService>().CreateAsync(UniqueData.Name("agent"), "Agent", Roles.Agent, "Password-For-Tests-1"))!.Id;
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();

        for (var round = 0; round < Rounds; round++)
        {
            var mine = await WorkAsync(repository, agentId);
            var theirs = await WorkAsync(repository, rivalAgent, mine.CallSid);

            var started = await Task.WhenAll(
                Task.Run(() => repository.TryStartAsync(mine)),
                Task.Run(() => rival.TryStartAsync(theirs)));

            Assert.Single(started, s => s);
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>(LiveRowsSql, new { mine.CallSid }));
            var live = await repository.FindLiveAsync(mine.CallSid);
            Assert.Equal(started[0] ? mine.OfferId : theirs.OfferId, live!.OfferId);
        }
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Schema_DeskCallTableGone(string engine)
    {
        var (services, _, _) = await CreateAsync(engine);
        await using var disposeServices = services;
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();

        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM desk_call"));
    }

    private static DeskCallRow Row(Guid agentId, string? callSid = null) =>
        DeskCallControl.NewRow(Guid.CreateVersion7(), agentId, "general", callSid ?? "CA" + Guid.NewGuid().ToString("N"), Now);

    // The desk stores the work on accept; the voice path starts on it.
    private static async Task<DeskCallRow> WorkAsync(DeskWorkRepository repository, Guid agentId, string? callSid = null)
    {
        var row = Row(agentId, callSid);
        await repository.AddAsync(new DeskWork
        {
            OfferId = row.OfferId,
            AgentId = agentId,
            Kind = "call",
            CallSid = row.CallSid,
            QueueName = row.QueueName,
            AcceptedAt = Now,
        });
        return row;
    }

    private async Task<(ServiceProvider Services, DeskWorkRepository Repository, Guid AgentId)> CreateAsync(string engine)
    {
        var services = (await fixture.GetAsync(engine)).CreateServices(new FakeTimeProvider(Now));
        var user = await services.GetRequiredService<AccountService>().CreateAsync(UniqueData.Name("agent"), "Agent", Roles.Agent, "Password-For-Tests-1");
        return (services, Repository(services), user!.Id);
    }

    // Each service provider its own repository, connections and pool, as a hub process of its own would have.
    private static DeskWorkRepository Repository(IServiceProvider services) =>
        new(
            services.GetRequiredService<IDbConnectionFactory>(), services.GetRequiredService<ISqlDialect>(),
            services.GetRequiredService<IQueueEventLog>(), services.GetRequiredService<IWallboardSignal>());
}
