using CallCenter.Core.Agents;
using CallCenter.Core.Queues;
using CallCenter.Core.Routing;
using CallCenter.Testing;

namespace CallCenter.Core.Tests.Routing;

/// <summary>How offers end (accept, withdraw, transfer) and that repeats change nothing.</summary>
public sealed class RoutingOfferTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTime T0 = RoutingWorld.T0;

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Accept_RingingCall_BridgesEntryAndMakesAgentBusyOnce(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var agent = await world.AddAgentAsync();
        var other = await world.AddAgentAsync();
        var call = await world.EnqueueAsync(queue, T0);
        var offer = Assert.Single(await world.RouteAsync(agent));
        world.Time.Advance(TimeSpan.FromSeconds(4));

        var notYours = await world.Offers.AcceptAsync(offer.Id, other);
        var accepted = await world.Offers.AcceptAsync(offer.Id, agent);
        var repeat = await world.Offers.AcceptAsync(offer.Id, agent);
        var unknown = await world.Offers.AcceptAsync(Guid.NewGuid(), agent);

        Assert.Equal(
            (OfferOutcome.NotYours, OfferOutcome.Applied, OfferOutcome.NotRinging, OfferOutcome.NotFound),
            (notYours.Outcome, accepted.Outcome, repeat.Outcome, unknown.Outcome));
        var entry = (await world.Queues.FindByCallSidAsync(call.CallSid))!;
        Assert.Equal((QueueStatuses.Bridged, (Guid?)agent, (DateTime?)world.Now), (entry.Status, entry.AgentId, entry.AnsweredAt));
        Assert.Equal(AgentState.Busy, await world.StateOfAsync(agent));
        Assert.Equal(offer.Id, (await world.Reader.AcceptedForCallAsync(call.CallSid))!.Id);
        Assert.Empty(await world.RouteAsync());
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task WithdrawForCall_CallerHungUpWhileRinging_EndsEntryAndFreesAgent(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var agent = await world.AddAgentAsync();
        var call = await world.EnqueueAsync(queue, T0);
        var offer = Assert.Single(await world.RouteAsync(agent));

        var withdrawn = await world.Offers.WithdrawForCallAsync(call.CallSid, "caller-hung-up");
        var repeat = await world.Offers.WithdrawForCallAsync(call.CallSid, "caller-hung-up");
        var late = await world.Offers.AcceptAsync(offer.Id, agent);

        Assert.Equal((OfferStatus.Withdrawn, "caller-hung-up"), (withdrawn!.Status, withdrawn.EndReason));
        Assert.Null(repeat);
        Assert.Equal(OfferOutcome.NotRinging, late.Outcome);
        Assert.Equal(QueueStatuses.Left, (await world.Queues.FindByCallSidAsync(call.CallSid))!.Status);
        var status = (await world.States.GetAsync(agent))!;
        Assert.Equal((AgentState.Available, 0), (status.State, status.MissedOffers));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Accept_CallerLeftTheLineWhileRinging_IsRefusedAndAgentFreed(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var agent = await world.AddAgentAsync();
        var call = await world.EnqueueAsync(queue, T0);
        var offer = Assert.Single(await world.RouteAsync(agent));
        Assert.True(await world.Queues.EndAsync(call.CallSid, QueueStatuses.Left, "hangup", world.Now));

        var result = await world.Offers.AcceptAsync(offer.Id, agent);

        Assert.Equal((OfferOutcome.NotRinging, OfferStatus.Withdrawn), (result.Outcome, result.Offer!.Status));
        Assert.Equal(AgentState.Available, await world.StateOfAsync(agent));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task WithdrawForAgent_DeskWentAway_CallGoesBackInLineForOthers(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var gone = await world.AddAgentAsync();
        var other = await world.AddAgentAsync();
        var call = await world.EnqueueAsync(queue, T0);
        Assert.Single(await world.RouteAsync(gone));

        var withdrawn = Assert.Single(await world.Offers.WithdrawForAgentAsync(gone, "disconnected"));
        var repeat = await world.Offers.WithdrawForAgentAsync(gone, "disconnected");
        var next = Assert.Single(await world.RouteAsync(other));

        Assert.Equal(OfferStatus.Withdrawn, withdrawn.Status);
        Assert.Empty(repeat);
        Assert.Equal((call.Id, other), (next.QueueEntryId, next.AgentId));
        Assert.Equal(AgentState.Available, await world.StateOfAsync(gone));
        Assert.Empty(await world.Reader.RingingForAgentAsync(gone));
        Assert.Equal(next.Id, Assert.Single(await world.Reader.RingingForAgentAsync(other)).Id);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task OfferToAgent_TransferOfACallInProgress_RingsNamedAgentOnlyIfAvailable(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var first = await world.AddAgentAsync();
        var target = await world.AddAgentAsync();
        var call = await world.EnqueueAsync(queue, T0);
        var offer = Assert.Single(await world.RouteAsync(first));
        Assert.True((await world.Offers.AcceptAsync(offer.Id, first)).Applied);
        await world.ApplyAsync(target, AgentEvent.Break("lunch"));

        var refused = await world.Router.OfferToAgentAsync(call.CallSid, target, first, "billing question");
        var stillBridged = (await world.Queues.FindByCallSidAsync(call.CallSid))!.Status;
        await world.ApplyAsync(target, AgentEvent.Of(AgentEventKind.SetAvailable));
        var transfer = await world.Router.OfferToAgentAsync(call.CallSid, target, first, "billing question");
        var second = await world.Router.OfferToAgentAsync(call.CallSid, target, first, "billing question");

        Assert.Null(refused);
        Assert.Equal(QueueStatuses.Bridged, stillBridged);
        Assert.Equal((target, (Guid?)first, "billing question", T0), (transfer!.AgentId, transfer.TransferredBy, transfer.TransferNote, transfer.WaitingSince));
        Assert.Null(second);
        Assert.True((await world.Offers.AcceptAsync(transfer.Id, target)).Applied);
        Assert.Equal(target, (await world.Queues.FindByCallSidAsync(call.CallSid))!.AgentId);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task LinkPatient_UnknownCaller_LinksOfferAndEntryButNeverReplaces(string engine)
    {
        await using var world = await RoutingWorld.CreateAsync(await fixture.GetAsync(engine));
        var queue = await world.AddQueueAsync();
        var agent = await world.AddAgentAsync();
        var call = await world.EnqueueAsync(queue, T0);
        var offer = Assert.Single(await world.RouteAsync(agent));
        var patient = await Scheduling.SchedulingTestData.AddPatientAsync(world.Services);
        var another = await Scheduling.SchedulingTestData.AddPatientAsync(world.Services);

        Assert.True(await world.Offers.LinkPatientAsync(offer.Id, patient));
        Assert.True(await world.Offers.LinkPatientAsync(offer.Id, patient));
        Assert.False(await world.Offers.LinkPatientAsync(offer.Id, another));
        Assert.False(await world.Offers.LinkPatientAsync(Guid.NewGuid(), patient));

        Assert.Equal(patient, (await world.Reader.FindAsync(offer.Id))!.PatientId);
        Assert.Equal(patient, (await world.Queues.FindByCallSidAsync(call.CallSid))!.PatientId);
    }
}
