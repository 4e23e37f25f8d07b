using CallCenter.Api.Desk.Voice;
using CallCenter.Core.Accounts;
using CallCenter.Core.Data;
using CallCenter.Core.Desk;
using CallCenter.Core.Desk.Voice;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Api.Tests.Desk.Voice;

public sealed class DeskCallRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TryStart_SameOfferAgain_FalseAndRowKept(string engine)
    {
        var (services, repository, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        var call = Row(agentId);

        Assert.True(await repository.TryStartAsync(call));
        Assert.False(await repository.TryStartAsync(call with { QueueName = "complaints" }));

        Assert.Equal(call, await repository.FindByOfferAsync(call.OfferId));
        Assert.Equal(call, await repository.FindAsync(call.CallSid));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TryStart_CallStillWithAnAgent_AnotherOfferRefused(string engine)
    {
        var (services, repository, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        var first = Row(agentId);
        await repository.TryStartAsync(first);

        Assert.False(await repository.TryStartAsync(Row(agentId, first.CallSid)));

        Assert.Equal(first.OfferId, (await repository.FindAsync(first.CallSid))!.OfferId);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TryStart_CallEndedBefore_NextOfferReplacesTheRow(string engine)
    {
        var (services, repository, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        var first = Row(agentId);
        await repository.TryStartAsync(first);
        Assert.True(await repository.TryUpdateAsync(first with { Status = DeskCallStatuses.Ended, EndedAt = Now, EndReason = DeskEndReasons.Requeued }, 0));
        var next = Row(agentId, first.CallSid);

        Assert.True(await repository.TryStartAsync(next));

        var stored = await repository.FindAsync(first.CallSid);
        Assert.Equal((next.OfferId, DeskCallStatuses.Connecting, null, 2), (stored!.OfferId, stored.Status, stored.EndReason, stored.Version));
        Assert.Null(await repository.FindByOfferAsync(first.OfferId));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task TryUpdate_StaleVersion_ChangesNothing(string engine)
    {
        var (services, repository, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        var call = Row(agentId);
        await repository.TryStartAsync(call);
        var connected = call with { Status = DeskCallStatuses.Connected, ConnectedAt = Now };

        Assert.True(await repository.TryUpdateAsync(connected, 0));
        Assert.False(await repository.TryUpdateAsync(call with { Status = DeskCallStatuses.Ended, EndedAt = Now, EndReason = "agent-hung-up" }, 0));

        Assert.Equal(connected with { Version = 1 }, await repository.FindAsync(call.CallSid));
    }

    private static DeskCallRow Row(Guid agentId, string? callSid = null) =>
        DeskCallControl.NewRow(Guid.CreateVersion7(), agentId, "general", callSid ?? "CA" + Guid.NewGuid().ToString("N"), Now);

    private async Task<(ServiceProvider Services, IDeskCallRepository Repository, Guid AgentId)> CreateAsync(string engine)
    {
        var services = (await fixture.GetAsync(engine)).CreateServices(new FakeTimeProvider(Now));
        var user = await services.GetRequiredService<AccountService>().CreateAsync(UniqueData.Name("agent"), "Agent", Roles.Agent, "Password-For-Tests-1");
        return (services, new DeskCallRepository(services.GetRequiredService<IDbConnectionFactory>(), services.GetRequiredService<ISqlDialect>()), user!.Id);
    }
}
