using CallCenter.Core.Accounts;
using CallCenter.Core.Data;
using CallCenter.Core.Desk.Data;
using CallCenter.Core.Desk.Voice;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallCenter.Api.Tests.Desk;

/// <summary>Whether a call is on hold is stored once, in the voice path's desk_call row; the agent's work reads it from there.</summary>
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
        await calls.TryStartAsync(connected);
        Assert.False((await work.LatestForCallAsync(agentId, held.CallSid!))!.OnHold);

        Assert.True(await calls.TryUpdateAsync(connected with { Status = DeskCallStatuses.OnHold }, 0));

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
        await calls.TryStartAsync(row);

        await calls.TryUpdateAsync(row.EndAgentPart(DeskEndReasons.Requeued, Now)!, 0);
        await work.EndAsync(first.OfferId, DeskEndReasons.Requeued, Now);
        await calls.TryStartAsync(DeskCallControl.NewRow(Guid.CreateVersion7(), agentId, first.QueueName, first.CallSid!, Now));

        var ended = await work.LatestEndedCallAsync(agentId);
        Assert.Equal((first.OfferId, false), (ended!.OfferId, ended.OnHold));
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
        var db = services.GetRequiredService<IDbConnectionFactory>();
        var dialect = services.GetRequiredService<ISqlDialect>();
        return (services, new DeskWorkRepository(db, dialect), new DeskCallRepository(db, dialect), user!.Id);
    }
}
