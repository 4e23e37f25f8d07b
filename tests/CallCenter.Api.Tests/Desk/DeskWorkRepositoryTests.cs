using CallCenter.Core.Wallboard;
using CallCenter.Core.Accounts;
using CallCenter.Core.Data;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Desk.Voice;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Api.Tests.Desk;

/// <summary>Whether a call is on hold is stored once, in the voice state of the agent's own desk_work row.</summary>
public sealed class DeskWorkRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task OnHold_FollowsTheVoicePathsRow_AndDeskWorkKeepsNoFlag(string engine)
    {
        var (services, work, calls, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        var held = Work(agentId);
        await work.AddAsync(held);
        Assert.Null((await work.LatestForCallAsync(agentId, held.CallSid!))!.CallStatus);

        var connected = DeskCallControl.NewRow(held.OfferId, agentId, held.QueueName, held.CallSid!, Now) with { Status = DeskCallStatuses.Connected };
        Assert.True(await calls.TryStartAsync(connected));
        Assert.False((await work.LatestForCallAsync(agentId, held.CallSid!))!.OnHold);

        Assert.True(await calls.TryUpdateAsync(connected with { Status = DeskCallStatuses.OnHold }, 1));

        Assert.True((await work.LatestForCallAsync(agentId, held.CallSid!))!.OnHold);
        Assert.True(Assert.Single(await work.ActiveForAgentAsync(agentId)).OnHold);
        Assert.True(Assert.Single(await work.ActiveForCallAsync(held.CallSid!)).OnHold);
        Assert.DoesNotContain("on_hold", await DeskWorkColumnsAsync(services, held.OfferId));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task OnHold_CallGoneToTheNextAgent_EndedWorkNoLongerHeld(string engine)
    {
        var (services, work, calls, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        var first = Work(agentId);
        await work.AddAsync(first);
        var row = DeskCallControl.NewRow(first.OfferId, agentId, first.QueueName, first.CallSid!, Now) with { Status = DeskCallStatuses.OnHold };
        Assert.True(await calls.TryStartAsync(row));

        Assert.True(await calls.TryUpdateAsync(row.EndAgentPart(DeskEndReasons.Requeued, Now)!, 1));
        Assert.False(await work.EndAsync(first.OfferId, DeskEndReasons.Requeued, Now));
        var next = Work(agentId) with { CallSid = first.CallSid };
        await work.AddAsync(next);
        Assert.True(await calls.TryStartAsync(DeskCallControl.NewRow(next.OfferId, agentId, next.QueueName, next.CallSid!, Now)));

        var ended = await work.LatestEndedCallAsync(agentId);
        Assert.Equal((first.OfferId, false), (ended!.OfferId, ended.OnHold));
        Assert.True(Assert.Single(await work.ActiveForCallAsync(first.CallSid!)) is { CallStatus: DeskCallStatuses.Connecting } active && active.OfferId == next.OfferId);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task OnHold_Conversation_HasNoCallStatus(string engine)
    {
        var (services, work, _, agentId) = await CreateAsync(engine);
        await using var disposeServices = services;
        var conversation = Work(agentId) with { Kind = "conversation", CallSid = null, ConversationId = Guid.CreateVersion7() };
        await work.AddAsync(conversation);

        var found = await work.ActiveForConversationAsync(conversation.ConversationId!.Value);

        Assert.Equal((conversation.OfferId, null, false), (found!.OfferId, found.CallStatus, found.OnHold));
    }

    private static DeskWork Work(Guid agentId) => new()
    {
        OfferId = Guid.CreateVersion7(),
        AgentId = agentId,
        Kind = "call",
        CallSid = "CA" + Guid.NewGuid().ToString("N"),
        QueueName = "general",
        AcceptedAt = Now,
    };

    private static async Task<IReadOnlyCollection<string>> DeskWorkColumnsAsync(ServiceProvider services, Guid offerId)
    {
        await using var connection = await services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        var row = (IDictionary<string, object>)await connection.QuerySingleAsync("SELECT * FROM desk_work WHERE offer_id = @OfferId", new { OfferId = offerId });
        return row.Keys.Select(k => k.ToLowerInvariant()).ToList();
    }

    private async Task<(ServiceProvider Services, IDeskWorkRepository Work, IDeskCallRepository Calls, Guid AgentId)> CreateAsync(string engine)
    {
        var services = (await fixture.GetAsync(engine)).CreateServices(new FakeTimeProvider(Now));
        var user = await services.GetRequiredService<AccountService>().CreateAsync(UniqueData.Name("agent"), "Agent", Roles.Agent, "Password-For-Tests-1");
        var repository = new DeskWorkRepository(
            services.GetRequiredService<IDbConnectionFactory>(), services.GetRequiredService<ISqlDialect>(),
            services.GetRequiredService<IQueueEventLog>(), services.GetRequiredService<IWallboardSignal>());
        return (services, repository, repository, user!.Id);
    }
}
