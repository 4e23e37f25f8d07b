using AgentDesk.Contracts;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Cases;
using CallCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Desk;

/// <summary>The complaint disposition's case takes the category and severity the agent chose at wrap-up, each checked against the hub's lists.</summary>
public sealed class DeskComplaintWrapUpTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task WrapUp_ComplaintWithCategoryAndSeverity_CaseHasThem_BadOnesNameTheField(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var patient = await hub.AddPatientAsync();
        await using var desk = await hub.ConnectAgentAsync();
        var queue = await hub.AddQueueAsync();
        await desk.AvailableAsync();
        var callSid = await hub.EnqueueAsync(queue, patient.Id);
        // The case links the call, so the hub must have it (as the voice webhook would have stored it).
        Assert.True(await hub.Services.GetRequiredService<CallCenter.Core.Calls.ICallRepository>().TryInsertAsync(new CallCenter.Core.Calls.PhoneCall
        {
            Id = Guid.CreateVersion7(), CallSid = callSid, AccountSid = "AC00000000000000000000000000000000", Direction = "inbound",
            FromNumber = patient.Phones[0].E164, ToNumber = "+861065550000", PatientId = patient.Id, Status = "in-progress", StatusRank = 2,
            CreatedAt = hub.Now(), UpdatedAt = hub.Now(),
        }));
        var offer = await desk.OfferForAsync(callSid);
        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId)).Ok);
        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.HangUpAsync), callSid)).Ok);
        await Polling.UntilAsync(() => Task.FromResult(desk.Ended.Any(e => e.CallSid == callSid)), e => e, "call ended");
        var snapshot = await desk.DeskAsync();

        var badCategory = await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), new WrapUpRequest(callSid, "complaint-logged", "Rude at the desk", "weather", "high"));
        var badSeverity = await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), new WrapUpRequest(callSid, "complaint-logged", "Rude at the desk", "staff-attitude", "apocalyptic"));
        var notComplaint = await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), new WrapUpRequest(callSid, "resolved", null, "staff-attitude"));
        var wrapped = await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), new WrapUpRequest(callSid, "complaint-logged", "Rude at the desk", "staff-attitude", "high"));

        Assert.Equal(("complaint-logged", "service", "medium"), (snapshot.ComplaintDisposition, snapshot.ComplaintCategories[0], snapshot.ComplaintSeverities[0]));
        Assert.Contains("staff-attitude", snapshot.ComplaintCategories);
        Assert.Equal((DeskErrors.Invalid, "complaintCategory"), (badCategory.Error, badCategory.Field));
        Assert.Equal((DeskErrors.Invalid, "complaintSeverity"), (badSeverity.Error, badSeverity.Field));
        Assert.Equal((DeskErrors.Invalid, "complaintCategory"), (notComplaint.Error, notComplaint.Field));
        Assert.True(wrapped.Ok, wrapped.Reason);
        var opened = await hub.Services.GetRequiredService<ICaseRepository>().FindByOriginAsync($"desk:{callSid}:{desk.User.Id:N}");
        Assert.NotNull(opened);
        Assert.Equal(("staff-attitude", "high", patient.Id), (opened.Category, opened.Severity, opened.PatientId));
    }
}
