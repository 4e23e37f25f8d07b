using AgentDesk.Contracts;
using CallCenter.Api.Desk;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Accounts;
using CallCenter.Core.Common;
using CallCenter.Core.Desk;
using CallCenter.Core.Interactions;
using CallCenter.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Desk;

public sealed class DeskCallTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task WrapUp_AfterHangUp_WritesTimelineOnceAndMakesAgentAvailable(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var patient = await hub.AddPatientAsync();
        await using var desk = await hub.ConnectAgentAsync();
        var (callSid, _) = await TakeCallAsync(hub, desk, patient.Id);

        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.HangUpAsync), callSid)).Ok);
        var ended = await Polling.UntilAsync(() => Task.FromResult(desk.Ended.FirstOrDefault(e => e.CallSid == callSid)), e => e is not null, "call ended");
        Assert.Equal(("agent-hung-up", hub.Now().AddSeconds(30)), (ended!.Reason, ended.WrapUpUntil?.UtcDateTime));
        var inWrapUp = await desk.DeskAsync();
        Assert.Equal(("wrap-up", callSid, null), (inWrapUp.State.State, inWrapUp.WrapUpCallSid, inWrapUp.Call));

        var request = new WrapUpRequest(callSid, "appointment-booked", "Booked cardiology follow-up");
        var wrapped = await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), request);
        var repeated = await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), request);

        Assert.True(wrapped.Ok, wrapped.Reason);
        Assert.Equal((true, wrapped.CreatedId), (repeated.Ok, repeated.CreatedId));
        var timeline = await hub.Services.GetRequiredService<IInteractionRepository>().TimelineAsync(patient.Id, new PageRequest(1, 50));
        var entry = Assert.Single(timeline.Items, i => i.ExternalId == callSid);
        Assert.Equal((InteractionKinds.Call, "appointment-booked: Booked cardiology follow-up", desk.User.Id), (entry.Kind, entry.Summary, entry.UserId));
        Assert.Equal("available", (await desk.DeskAsync()).State.State);
        Assert.Contains(await DeskOfferTests.AuditAsync(hub, desk.User.UserName, patient.Id), a => a == ("desk.wrap-up", "success"));
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task CallerHangsUp_AgentGoesToWrapUpAndMayWrapUp(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        await using var desk = await hub.ConnectAgentAsync();
        var (callSid, _) = await TakeCallAsync(hub, desk, patientId: null);
        var early = await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), new WrapUpRequest(callSid, "resolved"));

        await ((TestDeskCallControl)hub.Services.GetRequiredService<IDeskCallControl>()).CallerHangsUpAsync(desk.User.Id, callSid);

        Assert.Equal((DeskErrors.Refused, "callSid"), (early.Error, early.Field));
        var ended = await Polling.UntilAsync(() => Task.FromResult(desk.Ended.FirstOrDefault(e => e.CallSid == callSid)), e => e is not null, "call ended");
        Assert.Equal("caller-hung-up", ended!.Reason);
        Assert.Equal("wrap-up", (await desk.DeskAsync()).State.State);
        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), new WrapUpRequest(callSid, "no-action"))).Ok);
        Assert.Equal("available", (await desk.DeskAsync()).State.State);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Actions_OnAnotherAgentsCall_AreRefusedAsNotYours(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var patient = await hub.AddPatientAsync();
        var appointment = await hub.BookAsync(patient.Id, TimeSpan.FromDays(2));
        await using var owner = await hub.ConnectAgentAsync();
        var (callSid, offerId) = await TakeCallAsync(hub, owner, patient.Id);
        await using var intruder = await hub.ConnectAgentAsync();

        var refused = new[]
        {
            await intruder.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offerId),
            await intruder.InvokeAsync(nameof(IAgentDeskHub.HangUpAsync), callSid),
            await intruder.InvokeAsync(nameof(IAgentDeskHub.HoldAsync), callSid),
            await intruder.InvokeAsync(nameof(IAgentDeskHub.TransferAsync), new TransferRequest(callSid, "queue", "general")),
            await intruder.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), new WrapUpRequest(callSid, "resolved")),
            await intruder.InvokeAsync(nameof(IAgentDeskHub.CancelAppointmentAsync), new AppointmentActionRequest(offerId, appointment)),
            await intruder.InvokeAsync(nameof(IAgentDeskHub.SendSmsAsync), new SendSmsRequest(offerId, "hello")),
            await intruder.InvokeAsync(nameof(IAgentDeskHub.LinkCallerAsync), new LinkCallerRequest(offerId, patient.Id)),
        };

        Assert.All(refused, r => Assert.Equal((false, DeskErrors.NotYours), (r.Ok, r.Error)));
        Assert.Null(await intruder.Connection.InvokeAsync<DeskScreenPop?>(nameof(IAgentDeskHub.RefreshScreenPopAsync), offerId));
        Assert.Equal("busy", (await owner.DeskAsync()).State.State);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Appointments_ForPatientOnScreen_BookAndConfirmButNotAnotherPatients(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var patient = await hub.AddPatientAsync();
        var stranger = await hub.AddPatientAsync();
        var strangers = await hub.BookAsync(stranger.Id, TimeSpan.FromDays(3));
        var slot = await hub.AddSlotAsync(TimeSpan.FromDays(4));
        await using var desk = await hub.ConnectAgentAsync();
        var (_, offerId) = await TakeCallAsync(hub, desk, patient.Id);

        var booked = await desk.InvokeAsync(nameof(IAgentDeskHub.BookAppointmentAsync), new BookAppointmentRequest(offerId, slot.Id, "chest pain"));
        var confirmed = await desk.InvokeAsync(nameof(IAgentDeskHub.ConfirmAppointmentAsync), new AppointmentActionRequest(offerId, Guid.Parse(booked.CreatedId!)));
        var other = await desk.InvokeAsync(nameof(IAgentDeskHub.CancelAppointmentAsync), new AppointmentActionRequest(offerId, strangers));

        Assert.True(booked.Ok, booked.Reason);
        Assert.True(confirmed.Ok, confirmed.Reason);
        Assert.Equal((DeskErrors.NotYours, "appointmentId"), (other.Error, other.Field));
        var pop = await desk.Connection.InvokeAsync<DeskScreenPop?>(nameof(IAgentDeskHub.RefreshScreenPopAsync), offerId);
        Assert.Equal("confirmed", Assert.Single(pop!.UpcomingAppointments).Status);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task GarbageInput_AnswersInvalidNamingTheField(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        await using var desk = await hub.ConnectAgentAsync();
        var (callSid, offerId) = await TakeCallAsync(hub, desk, patientId: null);

        var answers = new (DeskResult Result, string Field)[]
        {
            (await desk.InvokeAsync(nameof(IAgentDeskHub.SetStateAsync), new SetStateRequest("dancing")), "state"),
            (await desk.InvokeAsync(nameof(IAgentDeskHub.SetStateAsync), new SetStateRequest("break", " ")), "reason"),
            (await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), Guid.Empty), "offerId"),
            (await desk.InvokeAsync(nameof(IAgentDeskHub.HoldAsync), new string('x', 500)), "callSid"),
            (await desk.InvokeAsync(nameof(IAgentDeskHub.TransferAsync), new TransferRequest(callSid, "fax", "x")), "kind"),
            (await desk.InvokeAsync(nameof(IAgentDeskHub.TransferAsync), new TransferRequest(callSid, "number", "not a number")), "target"),
            (await desk.InvokeAsync(nameof(IAgentDeskHub.TransferAsync), new TransferRequest(callSid, "queue", "no-such-queue")), "target"),
            (await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), new WrapUpRequest(callSid, "shrug")), "disposition"),
            (await desk.InvokeAsync(nameof(IAgentDeskHub.WrapUpAsync), new WrapUpRequest(callSid, "resolved", new string('n', 2001))), "notes"),
            (await desk.InvokeAsync(nameof(IAgentDeskHub.ScheduleCallbackAsync), new ScheduleCallbackRequest(offerId, hub.Time.GetUtcNow().AddDays(-1))), "at"),
            (await desk.InvokeAsync(nameof(IAgentDeskHub.ScheduleCallbackAsync), new ScheduleCallbackRequest(offerId, Number: "12")), "number"),
            (await desk.InvokeAsync(nameof(IAgentDeskHub.SendSmsAsync), new SendSmsRequest(offerId, "")), "body"),
            (await desk.InvokeAsync(nameof(IAgentDeskHub.BookAppointmentAsync), new BookAppointmentRequest(offerId, Guid.Empty)), "slotId"),
            (await desk.InvokeAsync(nameof(IAgentDeskHub.CreatePatientAsync), new CreatePatientRequest(offerId, "", null, null, "zh-CN")), "fullName"),
            (await desk.InvokeAsync(nameof(IAgentDeskHub.SetStateAsync), [null]), "state"),
        };

        Assert.All(answers, a => Assert.Equal((false, DeskErrors.Invalid, a.Field), (a.Result.Ok, a.Result.Error, a.Result.Field)));
        Assert.Equal("busy", (await desk.DeskAsync()).State.State);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task UnknownCaller_CreatePatientThenScheduleCallback_LinksAndStores(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        await using var desk = await hub.ConnectAgentAsync();
        var (_, offerId) = await TakeCallAsync(hub, desk, patientId: null);

        var created = await desk.InvokeAsync(nameof(IAgentDeskHub.CreatePatientAsync), new CreatePatientRequest(offerId, "李雷", new DateOnly(1990, 1, 2), "male", "zh-CN"));
        var callback = await desk.InvokeAsync(nameof(IAgentDeskHub.ScheduleCallbackAsync), new ScheduleCallbackRequest(offerId, hub.Time.GetUtcNow().AddHours(3), Note: "results"));

        Assert.True(created.Ok, created.Reason);
        Assert.True(callback.Ok, callback.Reason);
        var pop = await desk.Connection.InvokeAsync<DeskScreenPop?>(nameof(IAgentDeskHub.RefreshScreenPopAsync), offerId);
        Assert.Equal(Guid.Parse(created.CreatedId!), pop!.Patient!.Id);
        var stored = await hub.Services.GetRequiredService<CallCenter.Core.Desk.Data.IScheduledCallbackRepository>().FindAsync(Guid.Parse(callback.CreatedId!));
        Assert.Equal((pop.Patient.Id, desk.User.Id, "scheduled"), (stored!.PatientId, stored.CreatedBy, stored.Status));
    }

    /// <summary>The agent goes available, a call for the patient is offered and the agent accepts it.</summary>
    internal static async Task<(string CallSid, Guid OfferId)> TakeCallAsync(DeskHub hub, DeskClient desk, Guid? patientId)
    {
        var queue = await hub.AddQueueAsync();
        await desk.AvailableAsync();
        var callSid = await hub.EnqueueAsync(queue, patientId);
        var offer = await desk.OfferForAsync(callSid);
        var accepted = await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId);
        Assert.True(accepted.Ok, accepted.Reason);
        return (callSid, offer.OfferId);
    }
}
