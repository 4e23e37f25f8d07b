using AgentDesk.Contracts;
using CallCenter.Api.Desk;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Desk;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Desk;

public sealed class DeskTransferTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Transfer_ColdToQueue_ReleasesAgentAndOffersCallAgain(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var target = await hub.AddQueueAsync(wrapUpSeconds: 0);
        await using var first = await hub.ConnectAgentAsync();
        var callSid = await TakeCallAsync(hub, first);
        await using var second = await hub.ConnectAgentAsync();
        await second.AvailableAsync();

        var moved = await first.InvokeAsync(nameof(IAgentDeskHub.TransferAsync), new TransferRequest(callSid, "queue", target));

        Assert.True(moved.Ok, moved.Reason);
        var ended = await Polling.UntilAsync(() => Task.FromResult(first.Ended.FirstOrDefault(e => e.CallSid == callSid)), e => e is not null, "call ended");
        Assert.Equal("transferred", ended!.Reason);
        Assert.Equal(target, (await second.OfferForAsync(callSid)).Queue);
        if (CallControl(hub) is { } control)
        {
            Assert.Contains($"queue:{target} {callSid}", control.Actions);
        }

        await hub.LeaveAsync(callSid);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Transfer_WarmToAgent_KeepsAgentUntilTargetAccepts(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var patient = await hub.AddPatientAsync();
        await using var first = await hub.ConnectAgentAsync();
        var callSid = await TakeCallAsync(hub, first, patient.Id);
        await using var second = await hub.ConnectAgentAsync();
        await second.AvailableAsync();

        var handed = await first.InvokeAsync(nameof(IAgentDeskHub.TransferAsync), new TransferRequest(callSid, "agent", second.User.UserName, Warm: true, Note: "wants cardiology"));

        Assert.True(handed.Ok, handed.Reason);
        var offer = await second.OfferForAsync(callSid);
        Assert.Equal((first.User.UserName, "wants cardiology", patient.Id), (offer.TransferredBy, offer.TransferNote, offer.ScreenPop.Patient?.Id));
        var stillOn = await first.DeskAsync();
        Assert.Equal(("busy", true), (stillOn.State.State, stillOn.Call?.OnHold));

        Assert.True((await second.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId)).Ok);

        var ended = await Polling.UntilAsync(() => Task.FromResult(first.Ended.FirstOrDefault(e => e.CallSid == callSid)), e => e is not null, "first agent released");
        Assert.Equal("transferred", ended!.Reason);
        Assert.Equal(("wrap-up", callSid), ((await first.DeskAsync()).State.State, (await first.DeskAsync()).WrapUpCallSid));
        Assert.Equal(callSid, (await second.DeskAsync()).Call?.CallSid);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Transfer_ToAgentNotAvailable_IsRefusedAndCallStays(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        await using var first = await hub.ConnectAgentAsync();
        var callSid = await TakeCallAsync(hub, first);
        await using var offline = await hub.ConnectAgentAsync();

        var refused = await first.InvokeAsync(nameof(IAgentDeskHub.TransferAsync), new TransferRequest(callSid, "agent", offline.User.UserName));
        var nobody = await first.InvokeAsync(nameof(IAgentDeskHub.TransferAsync), new TransferRequest(callSid, "agent", "no-such-user"));

        Assert.Equal((DeskErrors.Refused, "target"), (refused.Error, refused.Field));
        Assert.Equal((DeskErrors.Invalid, "target"), (nobody.Error, nobody.Field));
        Assert.Equal(callSid, (await first.DeskAsync()).Call?.CallSid);
    }

    private static TestDeskCallControl? CallControl(DeskHub hub) => hub.Services.GetRequiredService<IDeskCallControl>() as TestDeskCallControl;

    private static async Task<string> TakeCallAsync(DeskHub hub, DeskClient desk, Guid? patientId = null)
    {
        var queue = await hub.AddQueueAsync();
        await desk.AvailableAsync();
        var callSid = await hub.EnqueueAsync(queue, patientId);
        var offer = await desk.OfferForAsync(callSid);
        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId)).Ok);
        return callSid;
    }
}
