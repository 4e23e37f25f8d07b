using AgentDesk.Contracts;
using CallCenter.Api.Tests.Desk.Support;
using CallCenter.Api.Tests.Ivr;
using CallCenter.Core.Data;
using CallCenter.Testing;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CallCenter.Api.Tests.Desk;

public sealed class DeskOfferTests(DeskFixture fixture) : IClassFixture<DeskFixture>
{
    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Enqueue_AvailableAgent_GetsOfferWithPatientScheduleHistoryAndIvrPath(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var queue = await hub.AddQueueAsync();
        var patient = await hub.AddPatientAsync(tags: ["vip", "diabetes"]);
        var appointments = new List<Guid>();
        for (var day = 6; day >= 1; day--)
        {
            appointments.Insert(0, await hub.BookAsync(patient.Id, TimeSpan.FromDays(day)));
        }

        for (var i = 0; i < 12; i++)
        {
            await hub.AddInteractionAsync(patient.Id, $"note {i}", TimeSpan.FromHours(i + 1));
        }

        var missed = await hub.BookAsync(patient.Id, TimeSpan.FromDays(-3));
        await hub.Services.GetRequiredService<CallCenter.Core.Scheduling.IAppointmentRepository>().TransitionAsync(missed, CallCenter.Core.Scheduling.AppointmentStatus.NoShow, null);
        var complaint = await hub.AddFollowUpAsync(patient.Id, "complaint");
        var voicemail = await hub.AddFollowUpAsync(patient.Id, "general");
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        await hub.AddIvrSessionAsync(callSid, ["1", "3"], ["welcome", "menu", "verify", "queue"], verified: true);
        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();

        await hub.EnqueueAsync(queue, patient.Id, patient.Phones[0].E164, callSid);
        var offer = await desk.OfferForAsync(callSid);

        var pop = offer.ScreenPop;
        Assert.Equal((patient.Id, patient.FullName, patient.Mrn), (pop.Patient!.Id, pop.Patient.FullName, pop.Patient.Mrn));
        Assert.Equal(["diabetes", "vip"], pop.Patient.Tags);
        Assert.Equal(patient.Phones[0].E164, pop.CallerNumber);
        Assert.Equal(appointments.Take(5), pop.UpcomingAppointments.Select(a => a.Id));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"note {i}"), pop.RecentInteractions.Select(i => i.Summary));
        Assert.Equal([complaint, voicemail], pop.OpenFollowUps.Select(f => f.Id).Order());
        Assert.Equal([complaint], pop.OpenComplaints.Select(f => f.Id));
        Assert.Equal((1, 1, 90, false), (pop.NoShows!.Total, pop.NoShows.Recent, pop.NoShows.WindowDays, pop.NoShows.Flagged));
        Assert.Equal(["1", "3"], pop.Ivr!.MenuPath);
        Assert.Equal(["welcome", "menu", "verify", "queue"], pop.Ivr.Steps);
        Assert.Equal(("verified", "en-US", "hotline"), (pop.Ivr.Verification, pop.Ivr.Language, pop.Ivr.FlowId));
        Assert.Equal((queue, "call"), (offer.Queue, offer.Kind));
        Assert.Contains("reserved", (await desk.DeskAsync()).State.State);
        Assert.Contains(await AuditAsync(hub, desk.User.UserName, patient.Id), a => a == ("patient.read", "success"));
        await hub.LeaveAsync(callSid);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Enqueue_PatientOfAnotherConsultant_ShowsNoDataAndMasksNumber(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var queue = await hub.AddQueueAsync();
        var (consultant, _) = await hub.SignInAsAsync(CallCenter.Core.Accounts.Roles.Agent);
        var patient = await hub.AddPatientAsync(assignedTo: consultant.Id);
        await hub.BookAsync(patient.Id, TimeSpan.FromDays(1));
        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();

        var callSid = await hub.EnqueueAsync(queue, patient.Id, patient.Phones[0].E164);
        var pop = (await desk.OfferForAsync(callSid)).ScreenPop;

        Assert.Null(pop.Patient);
        Assert.Empty(pop.UpcomingAppointments);
        Assert.Equal($"+86 {patient.Phones[0].E164[3..6]}****{patient.Phones[0].E164[^4..]}", pop.CallerNumber);
        Assert.Contains(await AuditAsync(hub, desk.User.UserName, patient.Id), a => a == ("patient.read", "denied"));
        await hub.LeaveAsync(callSid);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Enqueue_UnknownCaller_ListsCandidatesByNumber(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var queue = await hub.AddQueueAsync();
        var patient = await hub.AddPatientAsync();
        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();

        var callSid = await hub.EnqueueAsync(queue, patientId: null, patient.Phones[0].E164);
        var pop = (await desk.OfferForAsync(callSid)).ScreenPop;

        Assert.Null(pop.Patient);
        Assert.Equal([patient.Id], pop.Candidates.Select(c => c.Id));
        Assert.Contains("****", pop.CallerNumber, StringComparison.Ordinal);
        await hub.LeaveAsync(callSid);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Accept_RingingOffer_ConnectsCallMakesAgentBusyAndHolds(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var queue = await hub.AddQueueAsync();
        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();
        var callSid = await hub.EnqueueAsync(queue, patientId: null);
        var offer = await desk.OfferForAsync(callSid);

        var accepted = await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId);

        Assert.True(accepted.Ok, accepted.Reason);
        var snapshot = await desk.DeskAsync();
        Assert.Equal(("busy", callSid), (snapshot.State.State, snapshot.Call?.CallSid));
        await Polling.UntilAsync(() => Task.FromResult(desk.Connected.Any(c => c.CallSid == callSid)), c => c, "call connected pushed");
        var again = await desk.InvokeAsync(nameof(IAgentDeskHub.AcceptAsync), offer.OfferId);
        Assert.Equal(DeskErrors.Refused, again.Error);

        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.HoldAsync), callSid)).Ok);
        Assert.True((await desk.DeskAsync()).Call?.OnHold);
        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.ResumeAsync), callSid)).Ok);
        Assert.False((await desk.DeskAsync()).Call?.OnHold);
    }

    [Theory]
    [MemberData(nameof(TestEngines.All), MemberType = typeof(TestEngines))]
    public async Task Decline_RingingOffer_WithdrawsItAndFreesAgent(string engine)
    {
        var hub = await fixture.GetAsync(engine);
        var queue = await hub.AddQueueAsync();
        await using var desk = await hub.ConnectAgentAsync();
        await desk.AvailableAsync();
        var callSid = await hub.EnqueueAsync(queue, patientId: null);
        var offer = await desk.OfferForAsync(callSid);
        await hub.LeaveAsync(callSid);
        var secondSid = await hub.EnqueueAsync(queue, patientId: null);
        _ = secondSid;

        var declined = await desk.InvokeAsync(nameof(IAgentDeskHub.DeclineAsync), offer.OfferId);

        Assert.Equal(DeskErrors.Refused, declined.Error);
        var second = await desk.OfferForAsync(secondSid);
        Assert.True((await desk.InvokeAsync(nameof(IAgentDeskHub.DeclineAsync), second.OfferId)).Ok);
        Assert.Equal("declined", (await desk.WithdrawnAsync(second.OfferId)).Reason);
        Assert.Contains((await desk.DeskAsync()).State.State, new[] { "available", "reserved" });
        await hub.LeaveAsync(secondSid);
    }

    private const string AuditSql = """
        SELECT operation, outcome FROM audit_entry WHERE user_name = @UserName AND patient_id = @PatientId
        """;

    internal static async Task<IReadOnlyList<(string Operation, string Outcome)>> AuditAsync(DeskHub hub, string userName, Guid patientId)
    {
        await using var connection = await hub.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync();
        return (await connection.QueryAsync<(string, string)>(AuditSql, new { UserName = userName, PatientId = patientId })).AsList();
    }
}
