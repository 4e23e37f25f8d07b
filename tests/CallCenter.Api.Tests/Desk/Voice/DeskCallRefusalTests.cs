using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Agents;
using CallCenter.Core.Routing;
using CallCenter.Testing;

namespace CallCenter.Api.Tests.Desk.Voice;

/// <summary>Actions the call's state does not allow, and a caller gone before the agent could be connected.</summary>
public sealed class DeskCallRefusalTests
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Connect_CallerHungUpMeanwhile_NotFoundAndAgentReleasedOnce(string engine)
    {
        await using var hub = await VoiceHub.StartAsync(engine);
        var phone = await hub.CallerInQueueAsync();
        await phone.HangUpAsync();
        await phone.WaitForStatusAsync("completed");
        var agent = await hub.BusyAgentAsync();
        var offer = await hub.AcceptedOfferAsync(phone, agent.Id);

        var result = await hub.ControlAsync(c => c.ConnectAsync(offer));

        Assert.Equal((false, "not-found"), (result.Ok, result.Error));
        Assert.Equal("caller-hung-up", Assert.Single(hub.Notifier.Ended(agent.Id)).Reason);
        Assert.Equal(AgentState.WrapUp, await hub.AgentStateAsync(agent.Id));
        Assert.Empty(hub.Routing.Requeued);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Connect_TwoAgentsRacingForOneCall_OneConnectsTheOtherRefusedWithoutAnError(string engine)
    {
        await using var hub = await VoiceHub.StartAsync(engine);
        var phone = await hub.CallerInQueueAsync();
        var first = await hub.BusyAgentAsync();
        var second = await hub.BusyAgentAsync();
        var offers = new[] { await hub.AcceptedOfferAsync(phone, first.Id), await hub.AcceptedOfferAsync(phone, second.Id) };

        var results = await Task.WhenAll(offers.Select(o => Task.Run(() => hub.ControlAsync(c => c.ConnectAsync(o)))));

        var won = Assert.Single(results, r => r.Ok);
        var lost = Assert.Single(results, r => !r.Ok);
        Assert.Equal("conflict", lost.Error);
        var winner = offers[Array.IndexOf(results, won)];
        await Polling.UntilAsync(() => Task.FromResult(hub.Notifier.Connected(winner.AgentId)), c => c.Count == 1, "CallConnected");
        Assert.Empty(hub.Notifier.Ended(first.Id).Concat(hub.Notifier.Ended(second.Id)));
        Assert.Empty(hub.Routing.Requeued);
    }

    [Fact]
    public async Task HoldResumeHangUp_NoCallOnTheLine_NotFoundAndNothingSent()
    {
        await using var hub = await VoiceHub.StartAsync(TestEngines.Sqlite);
        var phone = await hub.CallerInQueueAsync();
        var agent = await hub.BusyAgentAsync();
        var offer = await hub.AcceptedOfferAsync(phone, agent.Id);

        var results = new[]
        {
            await hub.ControlAsync(c => c.HoldAsync(offer)),
            await hub.ControlAsync(c => c.ResumeAsync(offer)),
            await hub.ControlAsync(c => c.HangUpAsync(offer)),
            await hub.ControlAsync(c => c.TransferToQueueAsync(offer, "complaints")),
        };

        Assert.All(results, r => Assert.Equal((false, "not-found"), (r.Ok, r.Error)));
        Assert.Empty(hub.Routing.Requeued);
        Assert.Equal("in-progress", (await phone.ReadAsync()).Status);
    }

    [Fact]
    public async Task Resume_WhileConnected_AlreadyDoneAndHoldTwice_HeldOnce()
    {
        await using var hub = await VoiceHub.StartAsync(TestEngines.Sqlite);
        var phone = await hub.CallerInQueueAsync();
        var agent = await hub.BusyAgentAsync();
        var offer = await hub.AcceptedOfferAsync(phone, agent.Id);
        Assert.True((await hub.ControlAsync(c => c.ConnectAsync(offer))).Ok);
        await Polling.UntilAsync(() => Task.FromResult(hub.Notifier.Connected(agent.Id)), c => c.Count == 1, "CallConnected");

        Assert.True((await hub.ControlAsync(c => c.ResumeAsync(offer))).Ok);
        Assert.True((await hub.ControlAsync(c => c.HoldAsync(offer))).Ok);
        Assert.True((await hub.ControlAsync(c => c.HoldAsync(offer))).Ok);

        var call = await phone.WaitForAsync(c => c.Said.Any(l => l.Text == "请稍候，工作人员马上回来。"), "the hold message");
        Assert.Single(call.Lines("redirect"), l => l.Text.Contains("/desk/hold", StringComparison.Ordinal));
        Assert.Single(call.Lines("dial"));
    }

    [Fact]
    public async Task Connect_ConversationOffer_Invalid()
    {
        await using var hub = await VoiceHub.StartAsync(TestEngines.Sqlite);
        var agent = await hub.NewUserAsync(CallCenter.Core.Accounts.Roles.Agent);
        var offer = new Offer
        {
            Id = Guid.CreateVersion7(),
            Kind = WorkKind.Conversation,
            QueueName = "general",
            AgentId = agent.Id,
            ConversationId = Guid.CreateVersion7(),
            CallerNumber = "+8613800138000",
            Language = "zh-CN",
            WaitingSince = hub.Time.GetUtcNow().UtcDateTime,
            Status = OfferStatus.Accepted,
            OfferedAt = hub.Time.GetUtcNow().UtcDateTime,
            ExpiresAt = hub.Time.GetUtcNow().UtcDateTime,
        };

        var result = await hub.ControlAsync(c => c.ConnectAsync(offer));

        Assert.Equal((false, "invalid"), (result.Ok, result.Error));
    }
}
